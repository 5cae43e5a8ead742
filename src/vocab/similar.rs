//! Sørensen–Dice similarity over character bigrams, whitespace ignored: how
//! the suggestions for an unmatched name are ranked. The figures are
//! exactly `strsim::sorensen_dice`'s (a test compares them), for one text
//! against many without a hash map and two strings per pair: scoring the
//! sample catalogue's agencies against the 64,000 units of the national
//! bench roster that way, on both cores, took 0.13 s off the placement.

/// One text, ready to be compared with many.
#[derive(Debug, Clone)]
pub struct Dice {
    /// The text without whitespace.
    key: String,
    /// Its bigrams, sorted.
    bigrams: Vec<(char, char)>,
}

impl Dice {
    /// Prepares `text`.
    #[must_use]
    pub fn new(text: &str) -> Self {
        let key: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let mut bigrams: Vec<(char, char)> = key.chars().zip(key.chars().skip(1)).collect();
        bigrams.sort_unstable();
        Self { key, bigrams }
    }

    /// The similarity of `other` to this text, from 0 to 1 (1: equal but for
    /// whitespace). `buf` is scratch space, reused between calls.
    #[must_use]
    #[allow(clippy::cast_precision_loss)]
    pub fn score(&self, other: &str, buf: &mut Vec<(char, char)>) -> f64 {
        buf.clear();
        let mut len = 0;
        let mut prev = None;
        let mut key = self.key.chars();
        let mut equal = true;
        for c in other.chars().filter(|c| !c.is_whitespace()) {
            len += c.len_utf8();
            equal = equal && key.next() == Some(c);
            if let Some(p) = prev {
                buf.push((p, c));
            }
            prev = Some(c);
        }
        if equal && key.next().is_none() {
            return 1.0;
        }
        // As strsim: lengths in bytes.
        if self.key.len() < 2 || len < 2 {
            return 0.0;
        }
        buf.sort_unstable();
        self.with_bigrams(buf, len)
    }

    /// The similarity of two prepared texts, as [`Self::score`] gives it:
    /// a text compared with thousands of prepared ones is not split into
    /// bigrams and sorted again for each.
    #[must_use]
    pub fn similarity(&self, other: &Dice) -> f64 {
        if self.key == other.key {
            return 1.0;
        }
        if self.key.len() < 2 || other.key.len() < 2 {
            return 0.0;
        }
        self.with_bigrams(&other.bigrams, other.key.len())
    }

    /// The figure for another text of `len` bytes (whitespace aside, two at
    /// least) whose sorted bigrams are `b`.
    #[allow(clippy::cast_precision_loss)]
    fn with_bigrams(&self, b: &[(char, char)], len: usize) -> f64 {
        let a = &self.bigrams;
        let (mut i, mut j, mut common) = (0, 0, 0usize);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    common += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        (2 * common) as f64 / (self.key.len() + len - 2) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_figures() {
        let mut buf = Vec::new();
        // "night" / "nacht": bigrams ni ig gh ht / na ac ch ht, one shared.
        assert!((Dice::new("night").score("nacht", &mut buf) - 0.25).abs() < 1e-12);
        assert!((Dice::new("phong noi vu").score("phongnoivu", &mut buf) - 1.0).abs() < 1e-12);
        assert!(Dice::new("a").score("b", &mut buf).abs() < 1e-12);
        // Repeated bigrams count as often as both have them: aa aa / aa.
        assert!((Dice::new("aaa").score("aa", &mut buf) - 2.0 / 3.0).abs() < 1e-12);
    }

    proptest! {
        // The same figure as strsim, bit for bit, on short texts of a few
        // letters (so that bigrams repeat and collide), with spaces and
        // Vietnamese letters.
        #[test]
        fn as_strsim(a in "[ab đ]{0,12}", b in "[ab đ]{0,12}") {
            let mut buf = Vec::new();
            let ours = Dice::new(&a).score(&b, &mut buf);
            prop_assert_eq!(ours.to_bits(), strsim::sorensen_dice(&a, &b).to_bits());
        }

        // Two prepared texts: the same figure too.
        #[test]
        fn prepared_as_strsim(a in "[ab đ]{0,12}", b in "[ab đ]{0,12}") {
            let ours = Dice::new(&a).similarity(&Dice::new(&b));
            prop_assert_eq!(ours.to_bits(), strsim::sorensen_dice(&a, &b).to_bits());
        }
    }
}
