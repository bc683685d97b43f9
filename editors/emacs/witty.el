;;; witty.el --- WIT mode and the witty language server for Eglot  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "28.1"))
;; Keywords: languages, wasm
;; URL: https://github.com/witty-dev/witty

;;; Commentary:

;; `wit-mode' edits WIT, the interface language of the WebAssembly Component
;; Model: a syntax table in which `<', `>', `:', `/' and `@' are punctuation and
;; `-' and `%' are part of names (so `option<ke' completes `ke' and `M-.' on
;; `input-stream' finds the whole name), font-lock, and indentation by braces.
;;
;; With Eglot, `wit lsp' (the witty language server) is registered for
;; `wit-mode', and a WIT package gets one project root for itself and its
;; `deps/' folder, so jumping into a dependency stays with the same server even
;; outside a version-controlled tree.
;;
;; Use:
;;
;;   (add-to-list 'load-path "/path/to/witty/editors/emacs")
;;   (require 'witty)
;;   (add-hook 'wit-mode-hook #'eglot-ensure)

;;; Code:

(require 'cl-lib)
(require 'project)

(defgroup witty nil
  "WIT, the WebAssembly Component Model's interface language."
  :group 'languages
  :prefix "wit-")

(defcustom wit-indent-offset 2
  "Columns of indentation per level of braces and parentheses."
  :type 'integer
  :safe #'integerp)

(defcustom wit-server-command '("wit" "lsp")
  "The command that starts the witty language server, and its arguments."
  :type '(repeat string))

(defcustom wit-root-markers '("witty.toml" "wit" ".git")
  "Files or folders whose presence makes a folder a WIT project's root.
The nearest folder above a WIT file (and above the `deps/' folder
it is in, if any) that holds one of them is the root."
  :type '(repeat string))

(defconst wit--keywords
  '("package" "interface" "world" "use" "import" "export" "include" "with" "as"
    "type" "record" "variant" "enum" "flags" "resource" "func" "constructor"
    "static" "async" "from")
  "Words that introduce or qualify items.")

(defconst wit--builtin-types
  '("bool" "u8" "u16" "u32" "u64" "s8" "s16" "s32" "s64" "f32" "f64" "char"
    "string" "list" "map" "option" "result" "tuple" "borrow" "own" "future"
    "stream" "error-context" "_")
  "The types WIT has without a definition.")

(defvar wit-mode-syntax-table
  (let ((table (make-syntax-table)))
    ;; Names are kebab-case and may start with `%'.
    (modify-syntax-entry ?- "_" table)
    (modify-syntax-entry ?% "_" table)
    (modify-syntax-entry ?_ "_" table)
    ;; Angle brackets, paths and versions are punctuation, so that the name
    ;; being typed after `<' or `/' is a symbol of its own.
    (dolist (c '(?< ?> ?: ?/ ?@ ?. ?, ?\; ?= ?*))
      (modify-syntax-entry c "." table))
    (modify-syntax-entry ?\" "\"" table)
    ;; `//' line comments and nested `/* */' block comments.
    (modify-syntax-entry ?/ ". 124" table)
    (modify-syntax-entry ?* ". 23n" table)
    (modify-syntax-entry ?\n ">" table)
    table)
  "Syntax table of `wit-mode'.")

(defun wit--doc-comment-p (state)
  "Whether the comment of syntax STATE is a doc comment (`///' or `/**')."
  (save-excursion
    (goto-char (nth 8 state))
    (and (looking-at "/\\(//[^/]\\|//$\\|\\*\\*[^*/]\\)") t)))

(defun wit--comment-face (state)
  "The face of the string or comment of syntax STATE."
  (cond ((nth 3 state) 'font-lock-string-face)
        ((wit--doc-comment-p state) 'font-lock-doc-face)
        (t 'font-lock-comment-face)))

(defconst wit--name "%?[A-Za-z][A-Za-z0-9-]*"
  "A WIT name.")

(defvar wit-font-lock-keywords
  `((,(concat "@\\(since\\|unstable\\|deprecated\\)\\_>") . font-lock-preprocessor-face)
    (,(regexp-opt wit--keywords 'symbols) . font-lock-keyword-face)
    (,(regexp-opt wit--builtin-types 'symbols) . font-lock-builtin-face)
    ;; The name an item defines.
    (,(concat "\\_<\\(?:interface\\|world\\|record\\|variant\\|enum\\|flags\\|resource\\|type\\)\\_>[ \t]+\\("
              wit--name "\\)")
     1 font-lock-type-face)
    ;; `name: func', `name: static func', `import name: func'.
    (,(concat "\\(" wit--name "\\)[ \t]*:[ \t]*\\(?:static[ \t]+\\|async[ \t]+\\)*func\\_>")
     1 font-lock-function-name-face)
    ;; Package names and versions: `wasi:io/streams@0.2.0'.
    (,(concat wit--name ":" wit--name "\\(?:/" wit--name "\\)?\\(?:@[0-9A-Za-z.+-]+\\)?")
     . font-lock-constant-face))
  "What `wit-mode' highlights.")

(defun wit-indent-line ()
  "Indent the current line by its depth in braces and parentheses."
  (interactive)
  (let* ((depth (save-excursion
                  (back-to-indentation)
                  (let ((d (car (syntax-ppss))))
                    ;; A line that closes a level sits at the level outside it.
                    (if (looking-at "[]})>]") (max 0 (1- d)) d))))
         (column (* depth wit-indent-offset))
         (offset (- (current-column) (current-indentation))))
    (indent-line-to column)
    (when (> offset 0) (forward-char offset))))

;;;###autoload
(define-derived-mode wit-mode prog-mode "WIT"
  "Major mode for WIT, the WebAssembly Component Model's interface language."
  :syntax-table wit-mode-syntax-table
  (setq-local comment-start "// ")
  (setq-local comment-end "")
  (setq-local comment-start-skip "\\(?://+\\|/\\*+\\)\\s *")
  (setq-local font-lock-defaults
              '(wit-font-lock-keywords nil nil nil nil
                (font-lock-syntactic-face-function . wit--comment-face)))
  (setq-local indent-line-function #'wit-indent-line)
  ;; WIT is indented with spaces, `wit-indent-offset' a level.  Eglot sends these as
  ;; `insertSpaces' and `tabSize' (from `tab-width'), which the formatter follows where no
  ;; witty.toml or .editorconfig says otherwise: Emacs' defaults would ask for tabs of 8.
  (setq-local indent-tabs-mode nil)
  (setq-local tab-width wit-indent-offset)
  (setq-local electric-indent-chars (append "{}()" electric-indent-chars)))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.wit\\'" . wit-mode))

;;; The project root: one server for a package and its deps/.

(defun wit--above-deps (dir)
  "DIR, or the folder above the last `deps' folder in it.
A dependency in `deps/' belongs to the package beside that folder;
dependencies are not nested, so the last `deps' is the one."
  (let ((dir (file-name-as-directory (expand-file-name dir))))
    (if (string-match "\\`\\(.*/\\)deps/[^/]+/" dir)
        (match-string 1 dir)
      dir)))

(defun wit-project-root (dir)
  "The root of the WIT project that DIR is in, or nil when DIR holds no WIT.
That is the nearest folder above DIR (and above its `deps/' folder)
holding one of `wit-root-markers', else the package folder itself.
DIR is in a WIT project when it holds `.wit' files, is in a `deps/'
folder, or is a root itself (it holds `witty.toml' or a `wit' folder)."
  (let* ((dir (file-name-as-directory (expand-file-name dir)))
         (start (wit--above-deps dir)))
    (when (or (not (equal start dir))
              (directory-files dir nil "\\.wit\\'" t)
              (file-exists-p (expand-file-name "witty.toml" dir))
              (file-directory-p (expand-file-name "wit" dir)))
      (or (locate-dominating-file
           start
           (lambda (d)
             (cl-some (lambda (m) (file-exists-p (expand-file-name m d)))
                      wit-root-markers)))
          start))))

(defun wit-project-find (dir)
  "For `project-find-functions': the WIT project of DIR, if any."
  (when-let ((root (wit-project-root dir)))
    (cons 'wit (file-name-as-directory root))))

(cl-defmethod project-root ((project (head wit)))
  "The root folder of a WIT PROJECT."
  (cdr project))

;; After version control's finder: a repository stays one project; outside one,
;; a package and its deps/ are one project instead of one per folder.
(add-hook 'project-find-functions #'wit-project-find 90)

(defun wit--say-why (fn &rest args)
  "Call FN with ARGS; in `wit-mode', show a refusal by the server as its reason.
Eglot shows a refusal as the JSON-RPC error it came in; witty's
refusals are sentences (\"Cannot rename: ...\") meant to be read."
  (condition-case err
      (apply fn args)
    (jsonrpc-error
     (let ((why (alist-get 'jsonrpc-error-message (cdr err))))
       (if (and (derived-mode-p 'wit-mode) (stringp why))
           (user-error "%s" why)
         (signal (car err) (cdr err)))))))

(with-eval-after-load 'eglot
  (advice-add 'eglot-rename :around #'wit--say-why)
  (defvar eglot-server-programs)
  (add-to-list 'eglot-server-programs
               `(wit-mode . ,(lambda (&optional _interactive) wit-server-command))))

(provide 'witty)
;;; witty.el ends here
