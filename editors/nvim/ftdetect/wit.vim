" WIT files (Neovim 0.11 knows them already; 0.7 to 0.10 do not).
autocmd BufRead,BufNewFile *.wit setfiletype wit
