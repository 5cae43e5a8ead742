//! Thresholds as exact integers ("trên 65%" strictly more, "65% trở lên" at least) and the verdict.

#[allow(clippy::wildcard_imports)]
use super::*;

/// Decimal places a threshold may have.
pub(super) const THRESHOLD_DECIMALS: u32 = 4;
/// `10^THRESHOLD_DECIMALS`.
pub(super) const SCALE: u64 = 10_000;

/// A percentage as an exact decimal: the value times 10,000 (62.5 → 625,000).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Percent(u64);

impl Percent {
    /// Parses "65", "62.5", "62,5".
    pub fn parse(s: &str) -> std::result::Result<Self, String> {
        let s = s.trim().replace(',', ".");
        let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
        if int.is_empty()
            || !int.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(format!("\"{s}\" is not a percentage"));
        }
        if frac.len() > THRESHOLD_DECIMALS as usize {
            return Err(format!("{s}: at most {THRESHOLD_DECIMALS} decimal places"));
        }
        let int: u64 = int.parse().map_err(|_| format!("{s}: too large"))?;
        let frac_val: u64 = if frac.is_empty() {
            0
        } else {
            frac.parse().map_err(|_| format!("{s}: bad decimals"))?
        };
        let frac_scaled =
            frac_val * 10u64.pow(THRESHOLD_DECIMALS - u32::try_from(frac.len()).unwrap_or(0));
        let v = int
            .checked_mul(SCALE)
            .and_then(|v| v.checked_add(frac_scaled))
            .ok_or("too large")?;
        if v > 100 * SCALE {
            return Err(format!("{s}: a percentage is at most 100"));
        }
        Ok(Percent(v))
    }

    /// The value times 10,000.
    #[must_use]
    pub fn scaled(self) -> u64 {
        self.0
    }

    /// As a fraction 0–1 (for charts and display only, never for decisions).
    #[must_use]
    #[allow(clippy::cast_precision_loss)]
    pub fn fraction(self) -> f64 {
        self.0 as f64 / (100 * SCALE) as f64
    }

    /// "65", "62,5" (Vietnamese) or "62.5".
    #[must_use]
    pub fn display(self, decimal_comma: bool) -> String {
        let int = self.0 / SCALE;
        let frac = self.0 % SCALE;
        if frac == 0 {
            return int.to_string();
        }
        let frac = format!("{frac:04}");
        let frac = frac.trim_end_matches('0');
        format!("{int}{}{frac}", if decimal_comma { ',' } else { '.' })
    }
}

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Int(u64),
            Float(f64),
            Text(String),
        }
        let text = match Raw::deserialize(d)? {
            Raw::Int(i) => i.to_string(),
            // The shortest decimal that reads back as the same float: 62.5, 65.1.
            Raw::Float(f) => format!("{f}"),
            Raw::Text(s) => s,
        };
        Percent::parse(&text).map_err(D::Error::custom)
    }
}

/// The decision for one group: met, and the shortfall.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    /// `None` when the population is empty (not applicable).
    pub met: Option<bool>,
    /// For `gt`/`ge`: additional qualified people needed with the population
    /// unchanged; for `lt`/`le`: people who must leave the numerator. 0 when met.
    pub shortfall: u64,
}

/// Decides a group with exact integer arithmetic: `Q·100 ⋛ T·N`.
#[must_use]
pub fn decide(
    comparator: Comparator,
    threshold: Percent,
    population: u64,
    qualified: u64,
) -> Decision {
    if population == 0 {
        return Decision {
            met: None,
            shortfall: 0,
        };
    }
    let (n, q, t) = (
        u128::from(population),
        u128::from(qualified),
        u128::from(threshold.scaled()),
    );
    let lhs = q * 100 * u128::from(SCALE);
    let rhs = t * n;
    let unit = 100 * u128::from(SCALE);
    let to_u64 = |v: u128| u64::try_from(v).unwrap_or(u64::MAX);
    match comparator {
        Comparator::Gt => {
            // Smallest Q' with Q'·unit > T·N is floor(T·N / unit) + 1.
            let need = rhs / unit + 1;
            Decision {
                met: Some(lhs > rhs),
                shortfall: to_u64(need.saturating_sub(q)),
            }
        }
        Comparator::Ge => {
            let need = rhs.div_ceil(unit);
            Decision {
                met: Some(lhs >= rhs),
                shortfall: to_u64(need.saturating_sub(q)),
            }
        }
        Comparator::Lt => {
            // Largest Q' with Q'·unit < T·N is ceil(T·N / unit) − 1.
            let max = rhs.div_ceil(unit).saturating_sub(1);
            Decision {
                met: Some(lhs < rhs),
                shortfall: to_u64(q.saturating_sub(max)),
            }
        }
        Comparator::Le => {
            let max = rhs / unit;
            Decision {
                met: Some(lhs <= rhs),
                shortfall: to_u64(q.saturating_sub(max)),
            }
        }
    }
}

impl fmt::Display for Comparator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Comparator::Gt => "gt",
            Comparator::Ge => "ge",
            Comparator::Lt => "lt",
            Comparator::Le => "le",
        })
    }
}
