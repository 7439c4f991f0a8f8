#ifndef CALLBOARD_CNCURSES_SHIM_H
#define CALLBOARD_CNCURSES_SHIM_H

// SwiftPM drops pkg-config's -D flags, so the wide-character API is switched on here.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <wchar.h>
#include <stdio.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// Macros Swift cannot import, as functions.
static inline attr_t cb_attr_normal(void) { return A_NORMAL; }
static inline attr_t cb_attr_bold(void) { return A_BOLD; }
static inline attr_t cb_attr_dim(void) { return A_DIM; }
static inline attr_t cb_attr_reverse(void) { return A_REVERSE; }
static inline attr_t cb_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t cb_attr_italic(void) { return A_ITALIC; }
static inline int cb_key_f(int n) { return KEY_F(n); }
static inline WINDOW *cb_stdscr(void) { return stdscr; }
static inline WINDOW *cb_curscr(void) { return curscr; }
static inline int cb_lines(void) { return LINES; }
static inline int cb_cols(void) { return COLS; }
static inline int cb_colors(void) { return COLORS; }
static inline int cb_color_pairs(void) { return COLOR_PAIRS; }
static inline void cb_getmaxyx(WINDOW *w, int *y, int *x) { getmaxyx(w, *y, *x); }

// `tigetstr` answers (char *)-1 for "not a string capability"; Swift cannot compare a
// pointer with -1, so ask here whether the terminal can address the cursor.
static inline int cb_has_cursor_addressing(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1 && cup[0] != '\0';
}

// One wide character with attributes and a colour pair, drawn at (y, x).
static inline int cb_put_wide(WINDOW *w, int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, pair, NULL) == ERR) return ERR;
    return mvwadd_wch(w, y, x, &cell);
}

// The C streams newterm needs; Swift 6 refuses to read these globals directly.
static inline FILE *cb_stdout(void) { return stdout; }
static inline FILE *cb_stdin(void) { return stdin; }

#endif
