//! How wide text prints in Times New Roman, the documents' typeface, and
//! so how many lines a wrapped cell takes: spreadsheets keep the row heights
//! a file sets, so a row estimated too short would print its text cut off,
//! and one estimated too tall prints an empty line.
//!
//! Widths are the advance widths of Times (Adobe's Times-Roman and
//! Times-Bold metrics, which Times New Roman and Liberation Serif share), in
//! thousandths of the type size. A Vietnamese letter is as wide as its base
//! letter; a horn (ơ, ư) adds to it.

use std::sync::LazyLock;

use unicode_normalization::char::decompose_canonical;

/// The type a cell is set in: its size in points and whether it is bold.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Type {
    /// Points.
    pub size: f64,
    /// Bold (headers, labels): wider than regular.
    pub bold: bool,
}

impl Type {
    /// Bold type of `size` points (table headers, labels).
    #[must_use]
    pub const fn bold(size: f64) -> Self {
        Self { size, bold: true }
    }
}

impl From<f64> for Type {
    /// Regular type of that many points.
    fn from(size: f64) -> Self {
        Self { size, bold: false }
    }
}

/// Times-Roman, ASCII 32 (space) to 126 (`~`).
#[rustfmt::skip]
const REGULAR: [u16; 95] = [
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, // space to /
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, // 0 to ?
    921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, // @ to O
    556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, // P to _
    333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, // ` to o
    500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,      // p to ~
];

/// Times-Bold, ASCII 32 (space) to 126 (`~`).
#[rustfmt::skip]
const BOLD: [u16; 95] = [
    250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, // space to /
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500,  // 0 to ?
    930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778,  // @ to O
    611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, // P to _
    333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500,  // ` to o
    556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,       // p to ~
];

/// The points of text a column unit holds: a digit of the default 11-point
/// font, 7 pixels of ¾ point (Excel adds 5 pixels of padding and grid line
/// to each column).
pub const UNIT_POINTS: f64 = 7.0 * 0.75;

/// What a horn (ơ, ư) adds to its letter, a little more than it measures.
const HORN: u32 = 80;

/// Any character not known here: as wide as the widest letters.
const UNKNOWN: u32 = 1000;

/// The widths of the characters below U+1F00 (ASCII, Latin-1 and the
/// Vietnamese letters of Latin Extended Additional), regular and bold,
/// measured once: national lists size a million rows by their text.
static WIDTHS: LazyLock<[Vec<u16>; 2]> = LazyLock::new(|| {
    [false, true].map(|bold| {
        (0..0x1F00)
            .map(|u| char::from_u32(u).map_or(UNKNOWN, |c| measure(c, bold)))
            .map(|w| u16::try_from(w).unwrap_or(u16::MAX))
            .collect()
    })
});

/// The width of `c` in thousandths of the type size.
#[must_use]
pub fn char_width(c: char, bold: bool) -> u32 {
    width_in(&WIDTHS[usize::from(bold)], c, bold)
}

/// The width of `c` from `table` (the [`WIDTHS`] of its weight), looked up
/// once per text, not once per character.
#[inline]
fn width_in(table: &[u16], c: char, bold: bool) -> u32 {
    match table.get(c as usize) {
        Some(&w) => u32::from(w),
        None => measure(c, bold),
    }
}

/// The width of `c`, worked out.
fn measure(c: char, bold: bool) -> u32 {
    let table = if bold { &BOLD } else { &REGULAR };
    let ascii = |c: char| {
        let i = (c as usize).checked_sub(32)?;
        table.get(i).map(|&w| u32::from(w))
    };
    if let Some(w) = ascii(c).or_else(|| other(c, bold)) {
        return w;
    }
    // A letter with marks: its base letter, and its horn.
    let mut base = None;
    let mut horn = false;
    decompose_canonical(c, |d| {
        if base.is_none() {
            base = Some(d);
        } else if d == '\u{31b}' {
            horn = true;
        }
    });
    match base.filter(|&b| b != c).and_then(ascii) {
        Some(w) => w + if horn { HORN } else { 0 },
        None => UNKNOWN,
    }
}

/// The width of a character that is neither ASCII nor a letter with marks.
fn other(c: char, bold: bool) -> Option<u32> {
    Some(match c {
        'đ' if bold => 556,
        'đ' => 500,
        'Đ' | 'Ð' => 722,
        '\u{a0}' => 250,
        '·' => 333,
        // Combining marks (text not composed): on the letter before them.
        '\u{300}'..='\u{36f}' => 0,
        '§' | '–' => 500,
        '—' | '…' | '→' => 1000,
        '‘' | '’' => 333,
        '“' | '”' if bold => 500,
        '“' | '”' => 444,
        '×' | '−' => 570,
        '≥' | '≤' => 549,
        '°' => 400,
        _ => return None,
    })
}

/// The width of `s` in thousandths of the type size.
#[must_use]
pub fn text_width(s: &str, bold: bool) -> u32 {
    // Saturating: a text of millions of characters is wider than any line.
    let table = &WIDTHS[usize::from(bold)];
    s.chars()
        .fold(0u32, |w, c| w.saturating_add(width_in(table, c, bold)))
}

/// The lines `text` takes wrapped in a cell `width` column units wide, in
/// type `ty`: greedy at spaces as spreadsheets wrap, a word longer than the
/// line broken across lines; each line break starts a line.
///
/// A column unit holds [`UNIT_POINTS`] of text; LibreOffice draws columns a
/// little wider. Text is taken 3% wider than measured: Excel on screen
/// rounds each letter to whole pixels, and text within 1% of a line's
/// width would wrap there into a row one line tall.
#[must_use]
pub fn wrapped_lines(text: &str, width: f64, ty: Type) -> u32 {
    let line = line_width(width, ty);
    // Most cells fit on a line whole: one sum, in one pass that stops at a
    // line break. (It counts every space, so a text it fits takes one line
    // by words too.)
    let table = &WIDTHS[usize::from(ty.bold)];
    let mut sum = 0u32;
    for c in text.chars() {
        if c == '\n' {
            return by_words(text, line, ty.bold);
        }
        sum = sum.saturating_add(width_in(table, c, ty.bold));
    }
    if f64::from(sum) <= line {
        return 1;
    }
    by_words(text, line, ty.bold)
}

/// A line `width` column units wide in type `ty`, in thousandths of the
/// type size like the widths (3% to spare: see [`wrapped_lines`]).
fn line_width(width: f64, ty: Type) -> f64 {
    (width * UNIT_POINTS / ty.size * 1000.0 / 1.03).max(1.0)
}

/// The lines `text` takes wrapped word by word on lines `line` thousandths
/// of the type size wide.
fn by_words(text: &str, line: f64, bold: bool) -> u32 {
    let space = f64::from(char_width(' ', bold));
    let mut lines = 0u32;
    for para in text.split('\n') {
        let mut used = 0.0_f64;
        lines += 1;
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            let w = f64::from(text_width(word, bold));
            if used > 0.0 && used + space + w > line {
                lines += 1;
                used = 0.0;
            }
            used += if used > 0.0 { space + w } else { w };
            while used > line {
                lines += 1;
                used -= line;
            }
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The one-sum shortcut never changes the count: a text it takes
        /// as one line is one line by words.
        #[test]
        fn one_line_at_once_as_by_words(
            text in "[a-zA-Z ạđễưởỳ\\n]{0,60}",
            width in 1.0f64..40.0,
            bold: bool,
        ) {
            let ty = Type { size: 10.0, bold };
            let by_words = by_words(&text, line_width(width, ty), bold);
            proptest::prop_assert_eq!(wrapped_lines(&text, width, ty), by_words);
        }
    }

    /// Hand-counted: 'a' is 444 thousandths of the size, a space 250.
    #[test]
    fn lines_counted_by_hand() {
        let ty = Type {
            size: 10.0,
            bold: false,
        };
        // Two lines of four a's: 1,776 each; a line of 2,000 holds one word
        // of four and not the next with its space (1,776 + 250 + 1,776).
        let line = 2000.0;
        assert_eq!(by_words("aaaa aaaa", line, false), 2);
        assert_eq!(by_words("aaaa\naaaa", line, false), 2);
        // A word of nine (3,996) is broken across two lines.
        assert_eq!(by_words("aaaaaaaaa", line, false), 2);
        assert_eq!(by_words("", line, false), 1);
        let width = 2000.0 * 1.03 * ty.size / 1000.0 / UNIT_POINTS;
        assert!((line_width(width, ty) - 2000.0).abs() < 1e-6);
    }
}
