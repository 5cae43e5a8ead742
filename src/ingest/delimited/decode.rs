//! Encodings: the bytes of a delimited file decoded to text, the encoding
//! named (UTF-8 with or without BOM, UTF-16 with or without BOM, Windows-1258,
//! or Latin-1 for TCVN3/VNI font text).

use super::super::sha256_hex;

/// A file's SHA-256: computed from the bytes before decoding, or (when the
/// text is the file's bytes after a prefix) beside the parse, on the other core.
pub(super) enum Digest {
    Done(String),
    OfText(&'static [u8]),
}

/// Decodes the bytes to text and names the encoding used.
pub(super) fn decode(mut bytes: Vec<u8>) -> (String, &'static str, Digest) {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    if bytes.starts_with(BOM) {
        let digest = Digest::Done(sha256_hex(&bytes));
        bytes.drain(..3);
        return match String::from_utf8(bytes) {
            Ok(s) => (s, "UTF-8 (BOM)", Digest::OfText(BOM)),
            Err(e) => (
                String::from_utf8_lossy(e.as_bytes()).into_owned(),
                "UTF-8 (BOM)",
                digest,
            ),
        };
    }
    let digest = || Digest::Done(sha256_hex(&bytes));
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let le = bytes[0] == 0xFF;
        let text = decode_utf16(&bytes[2..], le);
        return (text, if le { "UTF-16LE" } else { "UTF-16BE" }, digest());
    }
    if let Some(le) = sniff_utf16(&bytes) {
        let text = decode_utf16(&bytes, le);
        return (
            text,
            if le {
                "UTF-16LE (no BOM)"
            } else {
                "UTF-16BE (no BOM)"
            },
            digest(),
        );
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(s) => return (s, "UTF-8", Digest::OfText(b"")),
        Err(e) => e.into_bytes(),
    };
    let digest = Digest::Done(sha256_hex(&bytes));
    if mostly_utf8(&bytes) {
        return (
            String::from_utf8_lossy(&bytes).into_owned(),
            "UTF-8",
            digest,
        );
    }
    if looks_like_font_encoding(&bytes) {
        (
            bytes.iter().map(|&b| char::from(b)).collect(),
            "Latin-1 (TCVN3/VNI)",
            digest,
        )
    } else {
        let (text, _, _) = encoding_rs::WINDOWS_1258.decode(&bytes);
        (text.into_owned(), "Windows-1258", digest)
    }
}

/// UTF-16 code units to text; unpaired surrogates and an odd last byte
/// become U+FFFD.
fn decode_utf16(bytes: &[u8], le: bool) -> String {
    let pairs = bytes.chunks_exact(2);
    let odd = !pairs.remainder().is_empty();
    let units = pairs.map(|p| {
        if le {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    let mut text: String = char::decode_utf16(units)
        .map(|r| r.unwrap_or('\u{fffd}'))
        .collect();
    if odd {
        text.push('\u{fffd}');
    }
    text
}

/// UTF-16 without a BOM: text files have no NUL bytes, while mostly-ASCII
/// (or Latin-1) text in UTF-16 has one in nearly every code unit: after the
/// letter in LE, before it in BE. Returns whether it is little-endian.
pub(super) fn sniff_utf16(bytes: &[u8]) -> Option<bool> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let units = sample.len() / 2;
    if units < 2 {
        return None;
    }
    let zeros = |skip: usize| {
        sample
            .iter()
            .skip(skip)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    if odd * 10 >= units * 3 && even * 10 < units {
        Some(true)
    } else if even * 10 >= units * 3 && odd * 10 < units {
        Some(false)
    } else {
        None
    }
}

/// A file that is not valid UTF-8 is still read as UTF-8 when its valid
/// multi-byte sequences far outnumber its invalid ones: a few damaged bytes
/// in a UTF-8 file. Legacy single-byte text (Windows-1258, TCVN3, VNI) has
/// almost no valid UTF-8 multi-byte sequences and many invalid bytes.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multi, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        // Lead bytes in valid text start one multi-byte sequence each.
        multi += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    multi > 0 && multi >= 4 * invalid
}

/// TCVN3 letters sit in 0xA1–0xBF, where Windows-1258 has only symbols; VNI
/// puts mark bytes right after a vowel. Windows-1258 puts combining tone
/// bytes (0xCC 0xEC 0xD2 0xDE 0xF2) after vowels.
fn looks_like_font_encoding(bytes: &[u8]) -> bool {
    let tcvn = bytes
        .iter()
        .filter(|&&b| matches!(b, 0xA1..=0xAE | 0xB5..=0xBE))
        .count();
    let vowel = |b: u8| b"aeiouyAEIOUY".contains(&b);
    let mut vni = 0;
    let mut cp1258 = 0;
    for w in bytes.windows(2) {
        if vowel(w[0]) {
            if matches!(
                w[1],
                0xF8 | 0xFB | 0xEF | 0xE5 | 0xE4 | 0xEB | 0xD8 | 0xDB | 0xCF | 0xC5 | 0xC4 | 0xCB
            ) {
                vni += 1;
            }
            if matches!(w[1], 0xCC | 0xEC | 0xD2 | 0xDE | 0xF2) {
                cp1258 += 1;
            }
        }
    }
    tcvn + vni > cp1258
}
