// Static inline wrappers for what Swift cannot import from curses.h: attribute macros,
// C globals (not concurrency-safe in Swift 6) and function-like macros.
#ifndef KPLAN_CNCURSESW_SHIM_H
#define KPLAN_CNCURSESW_SHIM_H
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <stdio.h>
#include <curses.h>

static inline attr_t kp_A_BOLD(void) { return A_BOLD; }
static inline attr_t kp_A_DIM(void) { return A_DIM; }
static inline attr_t kp_A_REVERSE(void) { return A_REVERSE; }
static inline attr_t kp_A_UNDERLINE(void) { return A_UNDERLINE; }
static inline attr_t kp_A_NORMAL(void) { return A_NORMAL; }
static inline int kp_COLORS(void) { return COLORS; }
static inline int kp_COLOR_PAIRS(void) { return COLOR_PAIRS; }
static inline WINDOW *kp_stdscr(void) { return stdscr; }
static inline int kp_LINES(void) { return LINES; }
static inline int kp_COLS(void) { return COLS; }
static inline int kp_KEY_F(int n) { return KEY_F(n); }
static inline int kp_ERR(void) { return ERR; }
static inline FILE *kp_stdout(void) { return stdout; }
static inline FILE *kp_stdin(void) { return stdin; }
static inline int kp_OK(void) { return OK; }
static inline int kp_KEY_CODE_YES(void) { return KEY_CODE_YES; }

/// Writes one cell: a grapheme of up to CCHARW_MAX wide characters with attributes and a colour pair.
static inline int kp_put_cell(WINDOW *w, int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cc;
    if (setcchar(&cc, text, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(w, y, x, &cc);
}

/// Clears the screen's contents so the next refresh repaints every cell (after resize or resume).
static inline void kp_force_repaint(void) { clearok(curscr, TRUE); }
#endif
