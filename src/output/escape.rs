//! Cell text as worksheet XML, escaped as rust_xlsxwriter escapes it.

use std::io::Write as _;

/// Appends `s` escaped as rust_xlsxwriter escapes cell text: `& < >`,
/// control characters as `_xHHHH_` (and a literal `_xHHHH_` as
/// `_x005F_xHHHH_`), U+FFFE and U+FFFF.
pub(super) fn escape(out: &mut Vec<u8>, s: &str) {
    let plain = |b: u8| !matches!(b, b'&' | b'<' | b'>' | b'_' | 0..=0x08 | 0x0B..=0x1F | 0xEF);
    if s.bytes().all(plain) {
        out.extend_from_slice(s.as_bytes());
        return;
    }
    for (i, ch) in s.char_indices() {
        match ch {
            '&' => out.extend_from_slice(b"&amp;"),
            '<' => out.extend_from_slice(b"&lt;"),
            '>' => out.extend_from_slice(b"&gt;"),
            '\t' | '\n' => out.push(ch as u8),
            '\0'..='\x1F' | '\u{FFFE}' | '\u{FFFF}' => {
                let _ = write!(out, "_x{:04X}_", u32::from(ch));
            }
            '_' if is_escape_like(&s[i..]) => out.extend_from_slice(b"_x005F_"),
            _ => {
                let mut buf = [0; 4];
                out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
}

/// Whether `s` starts with `_xHHHH_` (four hex digits).
fn is_escape_like(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 7 && b[1] == b'x' && b[6] == b'_' && b[2..6].iter().all(u8::is_ascii_hexdigit)
}
