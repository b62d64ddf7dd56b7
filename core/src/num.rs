//! Decimal numbers read from text (JSON numbers, a link's window and weights, a weight slider, a
//! computed colour), without the standard library's `f64::from_str`: its exact algorithm carries a
//! table of 128-bit powers of five, about 10 KB of the WASM that compresses to nothing.
//!
//! Every number this widget reads has at most 19 significant digits and a small exponent, where
//! the answer is exact (a whole number below 2^53 times or divided by an exact power of ten is
//! rounded once, correctly). Longer or larger numbers are within a relative 1e-14.

/// The powers of ten that an `f64` holds exactly.
const EXACT: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// Reads `[+-]digits[.digits][(e|E)[+-]digits]` (at least one digit before the exponent; `.5` and
/// `5.` are numbers), the whole of `s`, as `str::parse::<f64>` reads it, except that `inf` and
/// `NaN` are not numbers here.
pub fn parse_f64(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let mut i = 0;
    let negative = match b.first() {
        Some(b'-') => {
            i = 1;
            true
        }
        Some(b'+') => {
            i = 1;
            false
        }
        _ => false,
    };
    // The first 19 significant digits, and the power of ten they are scaled by.
    let (mut mantissa, mut scale, mut digits, mut inexact) = (0u64, 0i64, 0usize, false);
    let mut any = false;
    let mut fraction = false;
    while i < b.len() {
        match b[i] {
            d @ b'0'..=b'9' => {
                any = true;
                if mantissa == 0 && d == b'0' {
                    // A leading zero adds no significant digit.
                } else if digits < 19 {
                    mantissa = mantissa * 10 + u64::from(d - b'0');
                    digits += 1;
                } else {
                    inexact |= d != b'0';
                    scale += 1;
                }
                if fraction {
                    scale -= 1;
                }
            }
            b'.' if !fraction => fraction = true,
            _ => break,
        }
        i += 1;
    }
    if !any {
        return None;
    }
    if i < b.len() {
        if !matches!(b[i], b'e' | b'E') {
            return None;
        }
        i += 1;
        let sign = match b.get(i) {
            Some(b'-') => {
                i += 1;
                -1
            }
            Some(b'+') => {
                i += 1;
                1
            }
            _ => 1,
        };
        let start = i;
        let mut exponent = 0i64;
        while let Some(d @ b'0'..=b'9') = b.get(i) {
            // Past a million the number is zero or infinite anyway.
            exponent = (exponent * 10 + i64::from(d - b'0')).min(1_000_000);
            i += 1;
        }
        if i == start || i < b.len() {
            return None;
        }
        scale += sign * exponent;
    }
    let m = mantissa as f64;
    let value = if mantissa == 0 {
        0.0
    } else if !inexact && mantissa < (1 << 53) && scale.unsigned_abs() < EXACT.len() as u64 {
        let p = EXACT[scale.unsigned_abs() as usize];
        if scale < 0 {
            m / p
        } else {
            m * p
        }
    } else {
        // Exact powers of ten, one at a time: each step rounds once, and a large mantissa with a
        // tiny scale (or the reverse) never overflows or vanishes halfway.
        let mut value = m;
        let mut left = scale.clamp(-800, 800);
        while left != 0 && value != 0.0 && value.is_finite() {
            let step = left.clamp(-22, 22);
            let p = EXACT[step.unsigned_abs() as usize];
            value = if step < 0 { value / p } else { value * p };
            left -= step;
        }
        value
    };
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_what_the_widget_writes_and_refuses_the_rest() {
        for s in ["0", "-0", "1", "2.5", "2017.25", ".5", "5.", "+3", "1e3", "1E-3", "0.1", "1e400"] {
            assert_eq!(parse_f64(s), s.parse::<f64>().ok(), "{s}");
        }
        for s in ["", "-", ".", "e5", "1e", "1e+", "1.2.3", "1x", " 1", "inf", "NaN", "1_0", "--1"] {
            assert_eq!(parse_f64(s), None, "{s}");
        }
        assert_eq!(parse_f64("1e-400"), Some(0.0));
        assert!(parse_f64("-0").is_some_and(|z| z == 0.0 && z.is_sign_negative()));
    }

    proptest! {
        /// Up to 15 significant digits and a small exponent: exactly the standard library's value.
        #[test]
        fn short_decimals_are_exact(int in 0u64..1_000_000_000, frac in 0u32..1_000_000, exp in -8i32..8, neg: bool) {
            let s = format!("{}{int}.{frac:06}e{exp}", if neg { "-" } else { "" });
            prop_assert_eq!(parse_f64(&s), s.parse::<f64>().ok());
        }

        /// Any float written out shortest comes back within a relative 1e-14 (a few dozen units in
        /// the last place at the extremes of the range, none for the widget's numbers).
        #[test]
        fn any_float_comes_back_close(x in proptest::num::f64::NORMAL) {
            let s = format!("{x:e}");
            let back = parse_f64(&s).unwrap();
            prop_assert!(((back - x) / x).abs() <= 1e-14, "{} {}", s, back);
        }
    }
}
