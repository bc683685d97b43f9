" WIT highlighting for Neovim versions without semantic tokens (before 0.9); on later ones the
" server's semantic tokens are drawn over it.
if exists("b:current_syntax")
  finish
endif
syntax iskeyword @,48-57,_,-,%
syntax keyword witKeyword package interface world use import export include with as from
syntax keyword witKeyword type record variant enum flags resource func constructor static async
syntax keyword witType bool u8 u16 u32 u64 s8 s16 s32 s64 f32 f64 char string
syntax keyword witType list map option result tuple borrow own future stream error-context
syntax match witAttribute "@\(since\|unstable\|deprecated\)\>"
syntax match witPackage "\<%\?\a[[:alnum:]-]*:%\?\a[[:alnum:]-]*\(/%\?\a[[:alnum:]-]*\)\?\(@[[:alnum:].+-]\+\)\?"
syntax match witFunction "\<%\?\a[[:alnum:]-]*\ze\s*:\s*\(static\s\+\|async\s\+\)*func\>"
syntax region witComment start="//" end="$" contains=@Spell
syntax region witDocComment start="///" end="$" contains=@Spell
syntax region witComment start="/\*" end="\*/" contains=witComment,@Spell
highlight default link witKeyword Keyword
highlight default link witType Type
highlight default link witAttribute PreProc
highlight default link witPackage Constant
highlight default link witFunction Function
highlight default link witComment Comment
highlight default link witDocComment SpecialComment
let b:current_syntax = "wit"
