//! Compiles a `pattern = "…"` attribute into DFA tables when the derive expands: the pattern is
//! parsed with Java's meaning ([`java`]), turned into terms whose derivatives are the DFA's states
//! ([`term`], [`automaton`]), once rewritten to need fewer counts ([`simplify`]), over UTF-8
//! bytes, or over characters ([`alphabet`]) when that is what keeps it within budget, read from
//! the end ([`reverse`]) or cut in two ([`split`], with one automaton for short values:
//! [`relax`]) when that needs fewer counts at once, and
//! reported as a compile error when it is invalid, uses a backreference or matches nothing
//! ([`intersection`], for one built as several automata).

mod alphabet;
mod automaton;
mod boundary;
#[cfg(test)]
mod corpus;
mod ecma;
mod fast_hash;
mod intersection;
mod java;
mod java_unicode;
mod node;
mod relax;
mod reverse;
mod sequence;
mod simplify;
mod split;
mod term;

pub use automaton::Tables;
pub use sequence::{Reading, Step, first as first_characters, reading};

/// What a pattern compiles to: the automaton (unless past the size budget), straight-line steps
/// when it has that shape, and its text in regex-syntax's dialect, anchored for a whole-value
/// match, for a runtime engine when there is no automaton.
#[derive(Debug)]
pub struct Compiled {
    pub tables: Option<Tables>,
    /// The shortest and longest value in bytes the pattern can match (`None`: no longest), the
    /// tighter of what the automaton and the pattern's own widths say: a counting automaton
    /// loops where the pattern has a bound (`.{0,99}`).
    pub byte_lengths: (usize, Option<usize>),
    pub steps: Option<Vec<Step>>,
    /// Present whenever `tables` is not.
    pub runtime_pattern: String,
    /// The pattern as an anchored ECMA-262 regular expression, for JSON Schema.
    pub ecma: String,
}

/// Why a pattern did not compile: the offset in the pattern (if known) and the reason.
#[derive(Debug)]
pub struct PatternError {
    pub offset: Option<usize>,
    pub message: String,
}

/// Compiles `source` (Java dialect, whole-value match).
pub fn compile(source: &str) -> Result<Compiled, PatternError> {
    let node = java::parse(source).map_err(|e| PatternError {
        offset: Some(e.offset),
        message: e.message,
    })?;
    let settled =
        boundary::settled(&simplify::simplified(&node)).map_err(|message| PatternError {
            offset: None,
            message,
        })?;
    let tables = automaton::build(&settled).map_err(|message| PatternError {
        offset: None,
        message,
    })?;
    let runtime_pattern = match (&tables, ecma::runtime(&node)) {
        (_, Some(text)) => text,
        (Some(_), None) => String::new(),
        (None, None) => {
            return Err(PatternError {
                offset: None,
                message: format!(
                    "this pattern is too large for a compile-time automaton (more than {} \
                     transitions), and its look-around rules out a runtime engine: narrow it",
                    automaton::MAX_TRANSITIONS
                ),
            });
        }
    };
    let (shortest, longest) = node.byte_width();
    let shortest = usize::try_from(shortest).unwrap_or(usize::MAX);
    let longest = longest.and_then(|l| usize::try_from(l).ok());
    let byte_lengths = match &tables {
        Some(tables) => {
            let (least, most) = tables.byte_lengths();
            (
                least.max(shortest),
                match (most, longest) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                },
            )
        }
        None => (shortest, longest),
    };
    Ok(Compiled {
        tables,
        byte_lengths,
        steps: sequence::steps(&node),
        runtime_pattern,
        ecma: ecma::anchored(&node),
    })
}

#[cfg(test)]
mod tests {
    use super::compile;

    fn accepts(pattern: &str, input: &str) -> bool {
        compile(pattern)
            .unwrap_or_else(|e| panic!("{pattern}: {}", e.message))
            .tables
            .unwrap()
            .matches(input)
    }

    fn byte_lengths(pattern: &str) -> (usize, Option<usize>) {
        compile(pattern).unwrap().byte_lengths
    }

    #[test]
    fn byte_length_bounds() {
        assert_eq!(byte_lengths("farm-[0-9a-f]{32}"), (37, Some(37)));
        assert_eq!(byte_lengths("a|bcd|"), (0, Some(3)));
        assert_eq!(byte_lengths("x(ab)*y"), (2, None));
        assert_eq!(byte_lengths("[a-z]{2,5}é"), (4, Some(7)));
        assert_eq!(byte_lengths(".{2}"), (2, Some(8)));
        // A counting automaton ignores its register; the pattern's widths bound it.
        assert_eq!(byte_lengths("a.{100,200}b"), (102, Some(802)));
        assert_eq!(byte_lengths("a[a-z0-9-]{0,99}-[a-z]{10}"), (12, Some(111)));
        assert_eq!(byte_lengths("(?=.{1,5}$)a.*"), (1, Some(17)));
        let tables = compile("a.{100,200}b").unwrap().tables.unwrap();
        assert_eq!(tables.byte_lengths(), (3, None));
    }

    #[test]
    fn the_three_level_table_holds_the_intervals_classes() {
        for pattern in [r"\p{L}+(?:\.\p{L}+){0,2}", r"^\P{C}*.\P{C}*$"] {
            let tables = compile(pattern).unwrap().tables.unwrap();
            let wide = tables.wide.as_ref().expect("an automaton over characters");
            assert_eq!(wide.top.len(), 272);
            // Far fewer distinct blocks than blocks: 17,408 leaves, 272 middles in all.
            assert!(
                wide.leaves.len() < 400 * 64,
                "{pattern}: {}",
                wide.leaves.len()
            );
            assert!(
                wide.middle.len() < 40 * 64,
                "{pattern}: {}",
                wide.middle.len()
            );
            for c in ('\u{80}'..=char::MAX).filter(|c| !c.is_ascii()) {
                let c32 = c as usize;
                let middle = usize::from(wide.top[c32 >> 12]);
                let leaf = usize::from(wide.middle[middle * 64 + ((c32 >> 6) & 63)]);
                assert_eq!(
                    wide.leaves[leaf * 64 + (c32 & 63)],
                    wide.class(c),
                    "{pattern}: {c:?}"
                );
            }
        }
    }

    #[test]
    fn wide_classes_read_characters_when_bytes_are_past_the_budget() {
        let pattern = r"\p{L}+(?:\.\p{L}+){0,2}";
        let tables = compile(pattern).unwrap().tables.unwrap();
        assert!(tables.wide.is_some(), "{pattern} reads characters");
        assert!(tables.matches("héllo.wörld.日本"));
        assert!(tables.matches("𐐀"));
        assert!(!tables.matches("a..b"));
        assert!(!tables.matches("a.b.c.d"));
        assert!(!tables.matches("a1"));
        assert!(!tables.matches(""));
        // Still over bytes when that fits.
        assert!(compile(r"\p{L}+").unwrap().tables.unwrap().wide.is_none());
        // `$` and `\b` test classes of their own, which the alphabet covers.
        let tables = compile(r"^\P{C}*.\P{C}*$").unwrap().tables.unwrap();
        assert!(tables.wide.is_some());
        assert!(tables.matches("ab\u{2028}"));
        assert!(!tables.matches("é\u{0085}"));
        assert!(!tables.matches("ab\u{2028}\n"));
    }

    #[test]
    fn whole_value_match() {
        let id = "farm-0123456789abcdef0123456789abcdef";
        assert!(accepts("farm-[0-9a-f]{32}", id));
        assert!(!accepts("farm-[0-9a-f]{32}", &format!("x{id}")));
        assert!(!accepts("farm-[0-9a-f]{32}", &format!("{id}\n")));
        assert!(accepts("^farm-[0-9a-f]{32}$", id));
    }

    #[test]
    fn java_dialect() {
        let name = r"[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDC00-\uDBFF\uDFFF\t]*";
        assert!(accepts(name, "abc😀\t"));
        assert!(!accepts(name, "abc\n"));
        assert!(!accepts(name, "\u{1}"));
        assert!(!accepts(name, "\u{FFFE}"));
        assert!(accepts(r"^((\w+\.)+\w+|auto)$", "glue.4_0"));
        assert!(!accepts(r"^((\w+\.)+\w+|auto)$", "é.1"));
        assert!(!accepts(r"\d", "٣"));
        assert!(!accepts("^([2-3]|3[.]9)$", "3\n"));
        assert!(!accepts("a.c", "a\u{2028}c"));
        // A counted quantifier after a quantifier repeats nothing, as in Java 17.
        assert!(accepts("x{2}{3}", "xx") && !accepts("x{2}{3}", "xxxxxx"));
        assert!(accepts("x*{0}y", "xxy") && accepts("x{2}?{3}{4}", "xx"));
        assert!(!accepts("[0-9a-z]{11}{0,1011}", ""));
        assert!(compile("x{2}{3,1}").is_err());
    }

    #[test]
    fn look_around_flags_and_possessive() {
        assert!(accepts("(?!aws:)[a-z:]+", "awsx"));
        assert!(!accepts("(?!aws:)[a-z:]+", "aws:x"));
        assert!(accepts("[a-z-]*(?<!-)", "ab-c"));
        assert!(!accepts("[a-z-]*(?<!-)", "ab-"));
        assert!(accepts("((?!-)[a-z-]{0,5}[a-z]\\.)+", "ab.c-d."));
        assert!(!accepts("((?!-)[a-z-]{0,5}[a-z]\\.)+", "ab.-d."));
        assert!(accepts("(?=.{1,5}$)a.*", "abcde"));
        assert!(!accepts("(?=.{1,5}$)a.*", "abcdef"));
        assert!(accepts("^(?i)(true|false)$", "TrUe"));
        assert!(!accepts("^(?i)(true|false)$", "truee"));
        assert!(accepts("(?s).{1,3}", "a\nb"));
        assert!(!accepts(".{1,3}", "a\nb"));
        assert!(accepts(r"[\w-_]*", "-"));
        assert!(accepts("[0-9A-Z]{2}+", "A1"));
        assert!(accepts("[a-z]*+[0-9]", "ab1"));
        assert!(
            compile("[a-z]*+a")
                .unwrap_err()
                .message
                .contains("no string")
        );
        assert!(accepts(r"^[\/]?+[a-z]+$", "/ab"));
        assert!(accepts("a$", "a"));
        assert!(accepts("a$\n", "a\n"));
        assert!(!accepts("a$", "a\n"));
        assert!(accepts(r"a\b", "a"));
        assert!(accepts(r"a\b-", "a-"));
        assert!(!accepts(r"a\B.", "a-"));
        assert!(compile(r"a\bb").is_err());
        assert!(accepts(r"[\p{all}]*", "é\u{0}"));
        assert!(accepts(r"^(\p{LD}|\p{Punct}| )+$", "é1 !"));
    }

    #[test]
    fn long_repetitions_count_in_a_register() {
        let tables = compile(".{1,1024}").unwrap().tables.unwrap();
        assert!(tables.counter.is_some());
        assert!(
            tables.accepting.len() < 32,
            "{} states",
            tables.accepting.len()
        );
        assert!(tables.matches("a"));
        assert!(tables.matches(&"é".repeat(1024)));
        assert!(!tables.matches(&"é".repeat(1025)));
        assert!(!tables.matches(""));
        assert!(!tables.matches("a\nb"));
        let s3 = "s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/.{1,1024}";
        let tables = compile(s3).unwrap().tables.unwrap();
        assert!(tables.counter.is_some());
        assert!(tables.matches(&format!("s3://bucket/{}", "k".repeat(1024))));
        assert!(!tables.matches(&format!("s3://bucket/{}", "k".repeat(1025))));
        assert!(!tables.matches("s3://bucket/"));
        // The literal prefix's states never touch the register, and are numbered first so the
        // walk can tell them by one comparison.
        let counter = tables.counter.as_ref().unwrap();
        let stride = tables.stride as usize;
        let plain = counter.plain_below as usize / stride;
        assert!(plain > "s3://".len(), "{plain} plain states");
        for state in 1..tables.accepting.len() {
            let row = &counter.actions[state * stride..(state + 1) * stride];
            let touches = row.iter().any(|&a| a != 0) || counter.limits[state] != u32::MAX;
            assert_eq!(touches, state >= plain, "state {state}");
        }
        let at_least = compile("x.{100,}").unwrap().tables.unwrap();
        assert!(!at_least.matches(&format!("x{}", "k".repeat(99))));
        assert!(at_least.matches(&format!("x{}", "k".repeat(100))));
        assert!(at_least.matches(&format!("x{}", "k".repeat(5000))));
        let exact = compile("x[ab]{100}y").unwrap().tables.unwrap();
        assert!(exact.matches(&format!("x{}y", "a".repeat(100))));
        assert!(!exact.matches(&format!("x{}y", "a".repeat(99))));
        assert!(!exact.matches(&format!("x{}y", "a".repeat(101))));
        let ahead = compile("(?=.{1,255}$)(arn:.*|engi-[0-9a-z]{13})")
            .unwrap()
            .tables
            .unwrap();
        assert!(ahead.matches(&format!("arn:{}", "x".repeat(251))));
        assert!(!ahead.matches(&format!("arn:{}", "x".repeat(252))));
    }

    #[test]
    fn alternation_and_groups() {
        let p = "sessionaction-[0-9a-f]{32}-(0|([1-9][0-9]{0,9}))";
        let base = "sessionaction-0123456789abcdef0123456789abcdef-";
        assert!(accepts(p, &format!("{base}0")));
        assert!(accepts(p, &format!("{base}9999999999")));
        assert!(!accepts(p, &format!("{base}01")));
        assert!(!accepts(p, &format!("{base}99999999999")));
    }

    #[test]
    fn errors() {
        assert!(compile("farm-[0-9").is_err());
        assert!(
            compile("[^\\x00-\\x{10FFFF}]")
                .unwrap_err()
                .message
                .contains("no string")
        );
        assert_eq!(compile(r"(a)\1").unwrap_err().offset, Some(3));
        assert!(
            compile("a(?!b)b")
                .unwrap_err()
                .message
                .contains("no string")
        );
    }
}

#[cfg(test)]
mod sizes {
    use super::compile;

    /// Every pattern of the seed shapes compiles to a few kilobytes of table at most, without
    /// minimization (which the derive skips: it is the costliest step of expansion).
    #[test]
    fn seed_patterns_stay_small() {
        for pattern in [
            "farm-[0-9a-f]{32}",
            "sessionaction-[0-9a-f]{32}-(0|([1-9][0-9]{0,9}))",
            r"[a-zA-Z0-9_\.\-]{0,255}",
            r"(?:[0-9]{1,3}\.){3}[0-9]{1,3}",
            "(?:[A-F0-9]{1,4}:){7}[A-F0-9]{1,4}",
            "(STEP:step-[0-9a-f]{32}:.*)|(JOB:job-[0-9a-f]{32}:.*)",
            "[-]?(0|[1-9][0-9]*)([.][0-9]+)?([eE][+-]?[0-9]+)?",
            r"[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDC00-\uDBFF\uDFFF\r\n\t]*",
            r"^((\w+\.)+\w+|auto)$",
            "arn:aws[^:]*:iam::[0-9]*:role/.+",
        ] {
            let tables = compile(pattern).unwrap().tables.unwrap();
            let bytes = tables.transitions.len() * 2 + 256 + tables.accepting.len();
            assert!(bytes <= 16 * 1024, "{pattern}: {bytes} bytes of table");
        }
    }
}
