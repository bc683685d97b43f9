;;; witty-test.el --- Emacs + Eglot driving `wit lsp' through editors/emacs/witty.el  -*- lexical-binding: t; -*-

;;; Commentary:

;; Run by tests/emacs/run.sh in `emacs --batch' on a copy of tests/lsp/workspace
;; (outside any git repository, as a user's scratch folder would be).  Each check
;; goes through the shipped configuration: files open in `wit-mode', Eglot starts
;; from `wit-mode-hook' with `eglot-ensure', and what a user would see is read
;; back: Flymake's diagnostics, eldoc's hover text, xref's definitions, the
;; completion table, the buffers after a rename and a formatting.  Prints one
;; line per check and `emacs: N passed, N failed'.

;;; Code:

(require 'cl-lib)
(require 'eglot)
(require 'flymake)
(require 'xref)
(require 'witty)

(defvar witty-test-root (file-name-as-directory (getenv "WITTY_WORKSPACE")))
(setq wit-server-command (list (getenv "WITTY_BIN") "lsp"))
(add-hook 'wit-mode-hook #'eglot-ensure)
;; Eglot asks before editing files that are not open; a test says yes.
(fset 'y-or-n-p (lambda (&rest _) t))
(setq eglot-sync-connect t
      eglot-autoshutdown t
      eglot-send-changes-idle-time 0.1)

(defun witty-test--wait (pred &optional seconds)
  "Wait up to SECONDS (default 20) for PRED to be non-nil; return its value."
  (let ((deadline (+ (float-time) (or seconds 20)))
        value)
    (while (and (not (setq value (funcall pred)))
                (< (float-time) deadline))
      ;; `read-event' also takes in file notifications (Eglot watches files for the
      ;; server), which `accept-process-output' alone leaves unread in batch mode.
      (let ((event (read-event nil nil 0.05)))
        (when (eq (car-safe event) 'file-notify)
          (file-notify-handle-event event))))
    value))

(defun witty-test--open (file)
  "Visit FILE (relative to the workspace) as a user would, and return its buffer."
  (let ((buffer (find-file-noselect (expand-file-name file witty-test-root))))
    (switch-to-buffer buffer)
    ;; `eglot-ensure' connects after the command that opened the file.
    (run-hooks 'post-command-hook)
    (unless (witty-test--wait (lambda () (eglot-current-server)))
      (error "No Eglot server manages %s" file))
    buffer))

(defun witty-test--goto (text &optional offset)
  "Move point to the start of the first TEXT in the buffer, plus OFFSET."
  (goto-char (point-min))
  (unless (search-forward text nil t)
    (error "`%s' is not in %s" text (buffer-name)))
  (goto-char (+ (match-beginning 0) (or offset 0))))

(defun witty-test--diagnostics ()
  "The messages Flymake shows in this buffer."
  (mapcar #'flymake-diagnostic-text (flymake-diagnostics)))

(defun witty-test--hover ()
  "What eldoc would show for the hover at point."
  (let (result)
    (eglot-hover-eldoc-function (lambda (info &rest _) (setq result (or info ""))))
    (witty-test--wait (lambda () result))))

(defun witty-test--completions ()
  "The completion at point: (START CANDIDATES TABLE PROPS), candidates sorted."
  (eglot--signal-textDocument/didChange)
  (pcase-let* ((`(,start ,_end ,table . ,props) (eglot-completion-at-point))
               (prefix (buffer-substring-no-properties start (point)))
               (all (all-completions prefix table))
               (sort (cdr (assq 'display-sort-function
                                (cdr (funcall table prefix nil 'metadata))))))
    (list start (if sort (funcall sort all) all) table props)))

(defmacro witty-test--with-line (line &rest body)
  "Run BODY in wit/api.wit with LINE typed above `dump', point at its end; then remove it."
  (declare (indent 1))
  `(with-current-buffer (witty-test--open "wit/api.wit")
     (witty-test--goto "  dump: func")
     (insert ,line)
     (save-excursion (insert "\n"))
     (unwind-protect (progn ,@body)
       (delete-region (line-beginning-position) (1+ (line-end-position)))
       (eglot--signal-textDocument/didChange))))

(defvar witty-test--checks nil "The checks, last first: (NAME EXPECTED-FAILURE FUNCTION).")

(defmacro witty-test-check (name expected-failure &rest body)
  "Define the check NAME; EXPECTED-FAILURE is nil or why it fails today."
  (declare (indent 2))
  `(push (list ,name ,expected-failure (lambda () ,@body)) witty-test--checks))

(witty-test-check "wit-mode: indentation, names, doc comments" nil
  (with-temp-buffer
    (insert "interface i {\nrecord r {\nx: u32,\n}\n/// Docs.\nf: func(a: option<input-stream>);\n}\n")
    (wit-mode)
    (indent-region (point-min) (point-max))
    (font-lock-ensure)
    (let ((want "interface i {\n  record r {\n    x: u32,\n  }\n  /// Docs.\n  f: func(a: option<input-stream>);\n}\n"))
      (unless (equal (buffer-string) want)
        (error "Indented: %S" (buffer-string))))
    (witty-test--goto "input-stream" 3)
    (unless (equal (thing-at-point 'symbol t) "input-stream")
      (error "The name at point is %S" (thing-at-point 'symbol t)))
    (witty-test--goto "Docs")
    (unless (eq (get-text-property (point) 'face) 'font-lock-doc-face)
      (error "A doc comment has face %S" (get-text-property (point) 'face)))
    "braces indent by 2, `input-stream' is one name after `<', `///' is a doc comment"))

(witty-test-check "diagnostics of a file with an error" nil
  (with-current-buffer (witty-test--open "wit/api.wit")
    (witty-test--goto "total: func() -> u64;")
    (search-forward "u64")
    (replace-match "u46")
    (eglot--signal-textDocument/didChange)
    (let ((found (witty-test--wait
                  (lambda ()
                    (flymake-start)
                    (cl-find-if (lambda (m) (string-match-p "u46" m))
                                (witty-test--diagnostics))))))
      (unless found
        (error "No diagnostic names `u46'; Flymake has %S" (witty-test--diagnostics)))
      (witty-test--goto "-> u46;" 3)
      (delete-char 3)
      (insert "u64")
      (eglot--signal-textDocument/didChange)
      (format "Flymake shows `%s'" found))))

(defun witty-test--echo-area (text)
  "The lines of TEXT that an echo area of two lines shows."
  (string-join (seq-take (split-string text "\n" t "[ \t]+") 2) "\n"))

(witty-test-check "hover leads with the signature and the docs (eldoc's echo area)" nil
  (with-current-buffer (witty-test--open "wit/api.wit")
    (witty-test--goto "product, error}" 1)
    (let* ((hover (witty-test--hover))
           (echo (witty-test--echo-area hover)))
      (unless (string-match-p "\\`record product\nOne item of the catalogue\\." echo)
        (error "The echo area would show %S (whole hover: %S)" echo hover))
      (unless (string-match-p "price: u64" hover)
        (error "The hover lacks the definition: %S" hover))
      (format "echo area: %S" echo))))

(witty-test-check "definition into deps/, kept by the same server" nil
  (with-current-buffer (witty-test--open "wit/api.wit")
    (let ((server (eglot-current-server)))
      (witty-test--goto "output-stream}" 1)
      (let* ((xrefs (xref-backend-definitions 'eglot (xref-backend-identifier-at-point 'eglot)))
             (location (and xrefs (xref-item-location (car xrefs))))
             (file (and location (xref-location-group location))))
        (unless (and file (string-match-p "/wit/deps/io/streams\\.wit\\'" file))
          (error "Definition went to %S" file))
        (with-current-buffer (witty-test--open "wit/deps/io/streams.wit")
          (unless (eq (eglot-current-server) server)
            (error "deps/io/streams.wit has a server of its own, rooted at %s"
                   (project-root (eglot--project (eglot-current-server)))))
          (format "%s, one server for the package and deps/ (root %s)"
                  (file-relative-name file witty-test-root)
                  (abbreviate-file-name (project-root (eglot--project server)))))))))

(witty-test-check "completion inside `option<'" nil
  (witty-test--with-line "  find: func(name: string) -> option<pro"
    (pcase-let ((`(,start ,candidates) (witty-test--completions)))
      (unless (equal (buffer-substring-no-properties start (point)) "pro")
        (error "Completion replaces %S, not the name after `<'"
               (buffer-substring-no-properties start (point))))
      (unless (equal (car candidates) "product")
        (error "Completion offers %S" candidates))
      ;; Without the prefix, the package's own types come before the built-in ones.
      (delete-region start (point))
      (pcase-let ((`(,_ ,all ,_ ,props) (witty-test--completions)))
        (let* ((first-builtin (cl-position "u32" all :test #'equal))
               (last-own (cl-position "cart" all :test #'equal))
               (kind (and first-builtin
                          (funcall (plist-get props :company-kind) (nth first-builtin all)))))
          (unless (and first-builtin last-own (< last-own first-builtin))
            (error "Own types do not come first: %S" all))
          (unless (eq kind 'keyword)
            (error "`u32' is a %S, not a keyword" kind))
          (format "`pro' -> %s; own types first, then u32 (a %s)" (car candidates) kind))))))

(witty-test-check "plain text completion without snippets" nil
  (witty-test--with-line "  size: func() -> res"
    (pcase-let* ((`(,start ,candidates ,_ ,props) (witty-test--completions))
                 (choice (cl-find "result<T, E>" candidates :test #'equal)))
      (unless choice
        (error "No `result<T, E>' among %S" candidates))
      ;; What `completion-at-point' does with the chosen candidate.
      (delete-region start (point))
      (insert choice)
      (funcall (plist-get props :exit-function) choice 'finished)
      (let ((line (buffer-substring-no-properties (line-beginning-position) (point))))
        (unless (string-suffix-p "-> result" line)
          (error "Completing `result<T, E>' gave %S" line))
        (format "`res' -> %S" (string-trim line))))))

(witty-test-check "rename across files, versioned" nil
  (let ((api (witty-test--open "wit/api.wit")))
    ;; An unsaved edit in api.wit: the rename must be made for this version.
    (with-current-buffer api
      (witty-test--goto "  dump: func")
      (insert "  first: func() -> product;\n")
      (eglot--signal-textDocument/didChange))
    (with-current-buffer (witty-test--open "wit/types.wit")
      (witty-test--goto "record product" 7)
      (eglot-rename "item")
      (unless (string-match-p "record item {" (buffer-string))
        (error "types.wit was not renamed"))
      (with-current-buffer api
        (let ((text (buffer-string)))
          (unless (and (string-match-p "use types\\.{id, item, error}" text)
                       (string-match-p "first: func() -> item;" text)
                       (string-match-p "result<item, error>" text)
                       (not (string-match-p "-> product;\\|<product\\|, product," text)))
            (error "api.wit after the rename: %s" text))))
      ;; What Eglot's idle timer does between two commands: tell the server of the edits.
      (dolist (b (list api (current-buffer)))
        (with-current-buffer b (eglot--signal-textDocument/didChange)))
      (eglot-rename "product")
      (with-current-buffer api
        (witty-test--goto "  first: func() -> product;\n")
        (delete-region (point) (line-beginning-position 2))
        (eglot--signal-textDocument/didChange))
      "`product' -> `item' in types.wit and the unsaved api.wit, and back")))

(witty-test-check "a refused rename says why" nil
  (with-current-buffer (witty-test--open "wit/api.wit")
    (witty-test--goto "-> u64" 3)
    (let ((message (condition-case err
                       (progn (eglot-rename "x") "no refusal")
                     (error (error-message-string err)))))
      (unless (equal message "Cannot rename: there is no name here to rename.")
        (error "The refusal reads %S" message))
      (format "Emacs shows %S" message))))

(witty-test-check "formatting" nil
  (with-current-buffer (witty-test--open "wit/world.wit")
    (let ((before (buffer-string)))
      (witty-test--goto "  import log")
      (insert "      ")
      (witty-test--goto "export catalogue;")
      (insert "  ")
      (eglot--signal-textDocument/didChange)
      (eglot-format-buffer)
      (unless (equal (buffer-string) before)
        (error "Formatting gave %S" (buffer-string)))
      "re-indented lines come back as they were")))

(witty-test-check "a closed file changed on disk" nil
  (with-current-buffer (witty-test--open "wit/api.wit")
    (let ((file (expand-file-name "wit/deps/io/streams.wit" witty-test-root)))
      (when-let ((b (get-file-buffer file)))
        (kill-buffer b)
        ;; Let the server take the close in (it then reads the file from disk) before the
        ;; file changes: the change must come to it from the disk, not from the close.
        (witty-test--wait (lambda () nil) 1))
      (with-temp-file file
        (insert "package wasi:io@0.2.0;\n\ninterface streams {\n  resource out-stream;\n}\n"))
      (let ((found (witty-test--wait
                    (lambda ()
                      (flymake-start)
                      (cl-find-if (lambda (m) (string-match-p "output-stream" m))
                                  (witty-test--diagnostics)))
                    30)))
        (unless found
          (error "api.wit has no diagnostic for the stream type removed on disk: %S"
                 (witty-test--diagnostics)))
        (format "Flymake shows `%s'" found)))))

(defun witty-test-run ()
  "Run the checks in order, print one line each and the totals, exit 0 or 1."
  (let ((passed 0) (failed 0))
    (dolist (check (reverse witty-test--checks))
      (pcase-let ((`(,name ,expected ,fn) check))
        (let ((outcome (condition-case err
                           (list t (funcall fn))
                         (error (list nil (error-message-string err))))))
          (cond
           ((and (car outcome) (not expected))
            (cl-incf passed)
            (princ (format "PASS %s: %s\n" name (cadr outcome))))
           ((and (not (car outcome)) expected)
            (cl-incf passed)
            (princ (format "XFAIL %s (%s): %s\n" name expected (cadr outcome))))
           ((car outcome)
            (cl-incf failed)
            (princ (format "XPASS %s: expected to fail (%s) but passed: %s\n"
                           name expected (cadr outcome))))
           (t
            (cl-incf failed)
            (princ (format "FAIL %s: %s\n" name (cadr outcome))))))))
    ;; The messages exchanged, for a failure's diagnosis.
    (when-let ((file (getenv "WITTY_EGLOT_EVENTS"))
               (server (cl-find-if #'jsonrpc-running-p
                                   (apply #'append (hash-table-values eglot--servers-by-project)))))
      (with-current-buffer (jsonrpc-events-buffer server)
        (write-region (point-min) (point-max) file)))
    (ignore-errors (eglot-shutdown-all))
    (princ (format "emacs: %d passed, %d failed\n" passed failed))
    (kill-emacs (if (zerop failed) 0 1))))

;;; witty-test.el ends here
