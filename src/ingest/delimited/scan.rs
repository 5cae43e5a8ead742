//! The csv crate's quoting rules, byte by byte: line breaks as Excel counts
//! them, one record's extent, one line's fields read on its own, and the
//! fields of a line whose quotes all close on it.

pub(super) fn is_break(b: u8) -> bool {
    b == b'\n' || b == b'\r'
}

/// Line breaks in `b`, the way Excel counts them: CRLF, LF and a lone CR
/// each end one line.
pub(super) fn line_breaks(b: &[u8]) -> usize {
    memchr::memchr2_iter(b'\r', b'\n', b)
        .filter(|&i| !(b[i] == b'\r' && b.get(i + 1) == Some(&b'\n')))
        .count()
}

/// Physical lines of a text: its line breaks, plus an unterminated last line.
pub(super) fn physical_lines(b: &[u8]) -> u64 {
    let last = b.last().is_some_and(|&c| !is_break(c));
    (line_breaks(b) + usize::from(last)) as u64
}

/// One record's extent under the csv crate's quoting rules (a quote opens a
/// field only at its start; doubled quotes inside; text after a closing
/// quote continues the field, unquoted).
#[derive(Debug, Default)]
pub(super) struct Extent {
    /// Offset of the line break ending the record, or the text's length.
    pub(super) end: usize,
    /// Line breaks inside quoted fields (CRLF counts once).
    pub(super) inner_breaks: usize,
    /// Offset of the first of those (the end of the record's first line).
    pub(super) first_break: Option<usize>,
    /// The text ends inside a quoted field.
    pub(super) open_at_end: bool,
}

/// Where a field scanner is: at a field's start, in an unquoted field, in a
/// quoted one, or just after a quote inside a quoted field.
#[derive(PartialEq)]
enum St {
    Start,
    Unquoted,
    Quoted,
    AfterQuote,
}

pub(super) fn scan(b: &[u8], s: usize, delim: u8) -> Extent {
    let mut st = St::Start;
    let mut ext = Extent::default();
    let mut i = s;
    while i < b.len() {
        let c = b[i];
        match st {
            St::Start if c == b'"' => st = St::Quoted,
            St::Start | St::Unquoted | St::AfterQuote if c == delim => st = St::Start,
            St::Start | St::Unquoted | St::AfterQuote if is_break(c) => {
                ext.end = i;
                return ext;
            }
            St::Start | St::Unquoted => st = St::Unquoted,
            St::AfterQuote if c == b'"' => st = St::Quoted,
            St::AfterQuote => st = St::Unquoted,
            St::Quoted if c == b'"' => st = St::AfterQuote,
            St::Quoted if is_break(c) => {
                let at = i;
                if c == b'\r' && b.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                ext.inner_breaks += 1;
                ext.first_break.get_or_insert(at);
            }
            St::Quoted => {}
        }
        i += 1;
    }
    ext.end = b.len();
    ext.open_at_end = st == St::Quoted;
    ext
}

pub(super) fn to_text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The fields of one line read on its own, under the csv crate's rules,
/// except that a quote opening a field still open at the end of the line is
/// taken literally (that field and the rest of the line split at every
/// delimiter). Also returns the column of that stray quote.
pub(super) fn fields_alone(line: &[u8], delim: u8) -> (Vec<String>, Option<usize>) {
    let mut fields = Vec::new();
    let mut cur = Vec::new();
    let mut st = St::Start;
    let mut quote_at = 0;
    for (i, &c) in line.iter().enumerate() {
        match st {
            St::Start if c == b'"' => {
                st = St::Quoted;
                quote_at = i;
            }
            St::Start | St::Unquoted | St::AfterQuote if c == delim => {
                fields.push(to_text(&cur));
                cur.clear();
                st = St::Start;
            }
            St::AfterQuote if c == b'"' => {
                cur.push(c);
                st = St::Quoted;
            }
            St::Start | St::Unquoted | St::AfterQuote => {
                cur.push(c);
                st = St::Unquoted;
            }
            St::Quoted if c == b'"' => st = St::AfterQuote,
            St::Quoted => cur.push(c),
        }
    }
    if st == St::Quoted {
        let col = fields.len();
        fields.extend(line[quote_at..].split(|&c| c == delim).map(to_text));
        return (fields, Some(col));
    }
    if !line.is_empty() {
        fields.push(to_text(&cur));
    }
    (fields, None)
}

/// The lines of `b` (CRLF, LF or CR ends each), without their breaks.
pub(super) fn lines_of(b: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        if is_break(b[i]) {
            out.push(&b[start..i]);
            if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    out.push(&b[start..]);
    out
}

/// The fields of one line (without its line break) whose every quote is the
/// csv crate's quoting, closed on the line: each quoted field opens at a
/// field's start and closes just before a delimiter or the line's end, with
/// doubled quotes inside. Such a line is one record, read alone as within
/// the file. `field` gets each field's bytes as written (a quoted field's
/// between its quotes) and whether they hold doubled quotes (to be read as
/// one). `false`, having handed over only some fields, for any other line: a
/// quote inside an unquoted field, text after a closing quote, or a quote
/// left open (a quoted line break, a stray quote).
pub(super) fn closed_quotes_fields<'a>(
    line: &'a [u8],
    delim: u8,
    mut field: impl FnMut(&'a [u8], bool),
) -> bool {
    let mut pos = 0;
    loop {
        // Just after the field starting at `pos`.
        let after = if line.get(pos) == Some(&b'"') {
            let mut from = pos + 1;
            let mut doubled = false;
            let close = loop {
                let Some(q) = memchr::memchr(b'"', &line[from..]).map(|q| from + q) else {
                    return false;
                };
                if line.get(q + 1) != Some(&b'"') {
                    break q;
                }
                doubled = true;
                from = q + 2;
            };
            field(&line[pos + 1..close], doubled);
            close + 1
        } else {
            let end = memchr::memchr(delim, &line[pos..]).map_or(line.len(), |e| pos + e);
            if memchr::memchr(b'"', &line[pos..end]).is_some() {
                return false;
            }
            field(&line[pos..end], false);
            end
        };
        match line.get(after) {
            None => return true,
            Some(&c) if c == delim => pos = after + 1,
            Some(_) => return false,
        }
    }
}

/// A quoted field's text with its doubled quotes read as one.
pub(super) fn undouble(inner: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(inner.len());
    let mut i = 0;
    while i < inner.len() {
        out.push(inner[i]);
        i += if inner[i] == b'"' { 2 } else { 1 };
    }
    out
}

/// Whether every line of `b` holding a quote reads as
/// [`closed_quotes_fields`] accepts: then every line break ends a row, as in
/// text without quotes. One pass for quotes; only lines holding one are read.
pub(super) fn quotes_close_on_their_lines(b: &[u8], delim: u8) -> bool {
    let mut from = 0;
    while let Some(q) = memchr::memchr(b'"', &b[from..]).map(|q| from + q) {
        let start = memchr::memrchr2(b'\n', b'\r', &b[from..q]).map_or(from, |s| from + s + 1);
        let end = memchr::memchr2(b'\n', b'\r', &b[q..]).map_or(b.len(), |e| q + e);
        if !closed_quotes_fields(&b[start..end], delim, |_, _| {}) {
            return false;
        }
        from = end;
    }
    true
}
