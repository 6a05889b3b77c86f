//! Property tests of the compiled patterns: every string generated from each SHAPES.md pattern
//! is accepted, and on generated, mutated and arbitrary input the build-time automaton agrees
//! with the `regex` crate running the same pattern under AWS semantics (whole value, Java's `.`,
//! ASCII `\w`, `\uD800\uDC00` pairs as code points).

use constrained_tests::*;
use examples::deadline::{
    EnvironmentId, FarmId, FleetId, FloatString, HostName, IntString, IpV4Address, IpV6Address,
    JobId, LimitId, QueueId, SessionActionId, SessionId, StepId, TaskId, WorkerId,
};
use examples::glue::{
    DescriptionString, GlueVersionString, NameString, OrchestrationRoleArn, PythonVersionString,
};
use proptest::prelude::*;
use regex::Regex;

/// A seed-shape pattern: the compiled matcher, and the pattern rewritten by hand into the
/// `regex` crate's syntax with AWS's meaning.
struct Case {
    name: &'static str,
    matcher: &'static constrained::__private::Pattern,
    equivalent: &'static str,
}

/// A class that holds every character beyond ASCII, with counts: read as bytes, counted in
/// characters.
#[derive(Debug, constrained::Constrained)]
#[constrained(pattern = r"k[^:]{2,4}:[^/]{3}/\S+")]
pub struct BeyondAsciiCounts(String);

/// A class of many ASCII ranges (tested as a bit set) and one character beyond ASCII.
#[derive(Debug, constrained::Constrained)]
#[constrained(pattern = r"[A-Za-z0-9-_.,:/()@!&?#+'’\s]{2,40}")]
pub struct ManyRanges(String);

/// Bounded runs beside unbounded runs of wider classes, which the automaton counts only up to
/// their minimum, and one beside a narrower class, which it must count in full.
#[derive(Debug, constrained::Constrained)]
#[constrained(pattern = r"[a-z]*[a-f]{2,9}/[0-9]{1,3}.*:[a-f]*[a-z]{1,3}")]
pub struct AbsorbedCounts(String);

/// A group that repeats into itself, which the automaton counts only up to its minimum, and one
/// that does not, which it must count in full.
#[derive(Debug, constrained::Constrained)]
#[constrained(pattern = r"([a-f]+/){2,70}[0-9]:([a-f]+g){1,3}")]
pub struct SelfRepeatingGroup(String);

/// Several counts of one repetition under way at once read forwards: where `.{3,70}` begins is
/// not known until the value ends. Read from the end, one count.
#[derive(Debug, constrained::Constrained)]
#[constrained(pattern = r"h([^/]+)/?.{3,70}")]
pub struct SeveralCounts(String);

/// Counts that begin with gaps between them read forwards (a bucket may end only at `[a-c]`);
/// one count read from the end.
#[derive(Debug, constrained::Constrained)]
#[constrained(pattern = r"s([a-c][a-c.]{1,5}[a-c])/?((.{1,80})/)?")]
pub struct CountsWithGaps(String);

/// Read forwards, a count begins at every `a`: as many counts as the value has `a`s in its last
/// 66 characters. Read from the end, one count.
#[derive(Debug, constrained::Constrained)]
#[constrained(pattern = r"[ab]*a.{66}")]
pub struct CountAtEveryA(String);

/// Counts of a repetition with no maximum, several read forwards, one read from the end.
#[derive(Debug, constrained::Constrained)]
#[constrained(pattern = r"[ab]*a[ab]{70,}:")]
pub struct UnboundedCounts(String);

/// Several counts of one repetition under way at once whichever end is read first, kept as a
/// set: where `.{3,70}` begins is not known until it ends, nor where it ends until the value
/// does.
#[derive(Debug, constrained::Constrained)]
#[constrained(pattern = r"h[^/]+/?.{3,70}/?[^/]+t")]
pub struct CountsBothWays(String);

/// A count begins at every `a` read forwards, and at every `b` read backwards.
#[derive(Debug, constrained::Constrained)]
#[constrained(pattern = r"[ab]*a.{66}b[ab]*")]
pub struct CountAtEveryAOrB(String);

/// A set of counts of a repetition with no maximum, whichever end is read first.
#[derive(Debug, constrained::Constrained)]
#[constrained(pattern = r"[ab]*a[ab]{70,}b[ab]*")]
pub struct UnboundedCountsBothWays(String);

/// A long repetition of a group, counted in the register when unrolling it is past the budget.
#[derive(Debug, constrained::Constrained)]
#[constrained(pattern = r"([a-c]|\{xyz\}|\{w\}){3,2000}")]
pub struct CountedGroup(String);

/// Every accepted value other than the empty one begins with `s3://`, which the automaton
/// compares at once. Past the budget read from the end, so it reads forwards with a set of
/// counts.
#[derive(Debug, constrained::Constrained)]
#[constrained(pattern = r"$|^s3://([a-z0-9][a-z0-9-.]{1,61}[a-z0-9])/?((.{1,90})/)?")]
pub struct EmptyOrPrefixed(String);

/// A counted run whose automaton loops, while the pattern bounds the value to 111 bytes.
#[derive(Debug, constrained::Constrained)]
#[constrained(pattern = r"[a-zA-Z][a-zA-Z0-9_-]{0,99}-[a-zA-Z0-9]{10}")]
pub struct BoundedByWidth(String);

/// Runs with an optional separator, repeated: counted by the separators rather than by the
/// iterations, of which a value has many ways to be split.
#[derive(Debug, constrained::Constrained)]
#[constrained(pattern = r"x([a-c.]+/?){3,40}")]
pub struct RunsWithSeparators(String);

/// Pieces that begin with any character but `/` and end in a run of printable characters that
/// takes the `/` too: counted only where a character outside the run must begin a piece.
#[derive(Debug, constrained::Constrained)]
#[constrained(pattern = r"r/(([^/][!-~]+/){1,20})?[a-z]{1,4}")]
pub struct PiecesWithForcedStarts(String);

/// Two parts counted at once read forwards (before the last `/` and after it), one after the
/// other read backwards: the automaton reads values from their end.
#[derive(Debug, constrained::Constrained)]
#[constrained(
    pattern = r"arn:aws([a-zA-Z-]{0,10})?:iam::[0-9]{12}:instance-profile/([!-~]{1,510}/)?([\w+=,.@-]{1,128})"
)]
pub struct InstanceProfileArn(String);

/// Read from the end, like [`InstanceProfileArn`], and every value ends with the same 17 bytes,
/// which the automaton compares at once, last first.
#[derive(Debug, constrained::Constrained)]
#[constrained(pattern = r"([!-~]{1,300}/)?[a-zé]{1,100}/end-of-the-path!")]
pub struct MirroredWithSuffix(String);

/// Which of the last 18 characters is the `_` is told apart only from the end: forwards, an
/// automaton would keep every position of a `_` among them.
#[derive(Debug, constrained::Constrained)]
#[constrained(pattern = r"(^mi-[0-9a-f]{17}$)|(^eks_c:[0-9A-Za-z][A-Za-z0-9\-_]{0,99}_\w{17}$)")]
pub struct ManagedInstanceId(String);

/// Runs of letters and digits joined by dashes: at most 512 of them, at most 256 after the first
/// run. Two counts that depend on each other, which the derive makes two conditions, each an
/// automaton with one count.
#[derive(Debug, constrained::Constrained)]
#[constrained(pattern = r"[a-zA-Z0-9]{1,256}(-*[a-zA-Z0-9]){0,256}")]
pub struct DashedRuns(String);

/// A look-ahead on the length of the whole value, and a count in the rest: two automata.
#[derive(Debug, constrained::Constrained)]
#[constrained(
    pattern = r"(?=.{1,256}$)arn:aws[a-z\-]*:cloudformation:[a-z0-9\-]*:[0-9]{12}:stack/[a-zA-Z][a-zA-Z0-9-]{0,127}/.*"
)]
pub struct StackArn(String);

/// Every value ends with `.csv`. Read forwards, the count of `[^\x00]` goes on through the
/// `.csv` it may hold, so the automaton reads from the end, where `.csv` is its literal prefix.
#[derive(Debug, constrained::Constrained)]
#[constrained(pattern = r"[^\x00]{1,1020}\.csv")]
pub struct CsvKey(String);

/// Every value ends with `.json`, which the automaton, reading forwards, compares before its
/// walk.
#[derive(Debug, constrained::Constrained)]
#[constrained(pattern = r"[a-z.]+\.json")]
pub struct JsonName(String);

/// Two counts at once whichever end is read first: cut before `/case/`, into a head read
/// forwards and a tail read backwards, each of which counts one.
#[derive(Debug, constrained::Constrained)]
#[constrained(
    pattern = r"arn:[a-z-]*?:cases:[a-z0-9-]*?:[0-9]{12}:domain/.{1,500}/case/[A-Za-z0-9\-._/:#=+-]{1,500}"
)]
pub struct CaseArn(String);

/// Two counts at once whichever end is read first, and a word boundary: cut after the `.` before
/// the top-level domain.
#[derive(Debug, constrained::Constrained)]
#[constrained(
    pattern = r"https?://(?:www.)?[a-zA-Z0-9@:._+~#=-]{2,256}\.[a-z]{2,6}\b(?:[-a-zA-Z0-9@:%_+.~#?&/=]{0,2048})"
)]
pub struct WebUrl(String);

/// [`CaseArn`] whose tail is at least 100 long, which its counting automaton alone does not say.
#[derive(Debug, constrained::Constrained)]
#[constrained(
    pattern = r"arn:[a-z-]*?:cases:[a-z0-9-]*?:[0-9]{12}:domain/.{1,500}/case/[A-Za-z0-9\-._/:#=+-]{100,500}"
)]
pub struct LongCaseArn(String);

const JAVA_DOT: &str = r"[^\n\r\x{85}\x{2028}\x{2029}]";

fn cases() -> Vec<Case> {
    macro_rules! case {
        ($t:ty, $equivalent:expr) => {
            Case {
                name: stringify!($t),
                matcher: <$t>::RULES.pattern.expect("pattern"),
                equivalent: $equivalent,
            }
        };
    }
    vec![
        case!(FarmId, "farm-[0-9a-f]{32}"),
        case!(FleetId, "fleet-[0-9a-f]{32}"),
        case!(WorkerId, "worker-[0-9a-f]{32}"),
        case!(QueueId, "queue-[0-9a-f]{32}"),
        case!(JobId, "job-[0-9a-f]{32}"),
        case!(SessionId, "session-[0-9a-f]{32}"),
        case!(StepId, "step-[0-9a-f]{32}"),
        case!(LimitId, "limit-[0-9a-f]{32}"),
        case!(
            SessionActionId,
            "sessionaction-[0-9a-f]{32}-(0|([1-9][0-9]{0,9}))"
        ),
        case!(TaskId, "task-[0-9a-f]{32}-(0|([1-9][0-9]{0,9}))"),
        case!(HostName, r"[a-zA-Z0-9_\.\-]{0,255}"),
        case!(IpV4Address, r"(?:[0-9]{1,3}\.){3}[0-9]{1,3}"),
        case!(IpV6Address, "(?:[A-F0-9]{1,4}:){7}[A-F0-9]{1,4}"),
        case!(PythonVersionString, "([2-3]|3[.]9)"),
        case!(
            EnvironmentId,
            r"(STEP:step-[0-9a-f]{32}:[^\n\r\x{85}\x{2028}\x{2029}]*)|(JOB:job-[0-9a-f]{32}:[^\n\r\x{85}\x{2028}\x{2029}]*)"
        ),
        case!(IntString, "[-]?(0|[1-9][0-9]*)"),
        case!(
            FloatString,
            "[-]?(0|[1-9][0-9]*)([.][0-9]+)?([eE][+-]?[0-9]+)?"
        ),
        case!(OrchestrationNameString, r"[\.\-_A-Za-z0-9]+"),
        case!(BeyondAsciiCounts, r"k[^:]{2,4}:[^/]{3}/[^ \t\n\x0B\x0C\r]+"),
        case!(
            ManyRanges,
            r"[A-Za-z0-9\-_.,:/()@!&?#+'’ \t\n\x0B\x0C\r]{2,40}"
        ),
        case!(
            AbsorbedCounts,
            r"[a-z]*[a-f]{2,9}/[0-9]{1,3}[^\n\r\x{85}\x{2028}\x{2029}]*:[a-f]*[a-z]{1,3}"
        ),
        case!(
            SeveralCounts,
            r"h([^/]+)/?[^\n\r\x{85}\x{2028}\x{2029}]{3,70}"
        ),
        case!(
            CountsWithGaps,
            r"s([a-c][a-c.]{1,5}[a-c])/?(([^\n\r\x{85}\x{2028}\x{2029}]{1,80})/)?"
        ),
        case!(CountAtEveryA, r"[ab]*a[^\n\r\x{85}\x{2028}\x{2029}]{66}"),
        case!(UnboundedCounts, r"[ab]*a[ab]{70,}:"),
        case!(
            CountsBothWays,
            r"h[^/]+/?[^\n\r\x{85}\x{2028}\x{2029}]{3,70}/?[^/]+t"
        ),
        case!(
            CountAtEveryAOrB,
            r"[ab]*a[^\n\r\x{85}\x{2028}\x{2029}]{66}b[ab]*"
        ),
        case!(UnboundedCountsBothWays, r"[ab]*a[ab]{70,}b[ab]*"),
        case!(CountedGroup, r"([a-c]|\{xyz\}|\{w\}){3,2000}"),
        case!(
            EmptyOrPrefixed,
            r"|s3://([a-z0-9][a-z0-9-.]{1,61}[a-z0-9])/?(([^\n\r\x{85}\x{2028}\x{2029}]{1,90})/)?"
        ),
        case!(RunsWithSeparators, r"x([a-c.]+/?){3,40}"),
        case!(
            PiecesWithForcedStarts,
            r"r/(([^/][!-~]+/){1,20})?[a-z]{1,4}"
        ),
        case!(
            BoundedByWidth,
            r"[a-zA-Z][a-zA-Z0-9_-]{0,99}-[a-zA-Z0-9]{10}"
        ),
        case!(SelfRepeatingGroup, r"([a-f]+/){2,70}[0-9]:([a-f]+g){1,3}"),
        case!(
            InstanceProfileArn,
            r"arn:aws([a-zA-Z-]{0,10})?:iam::[0-9]{12}:instance-profile/([!-~]{1,510}/)?([A-Za-z0-9_+=,.@-]{1,128})"
        ),
        case!(
            ManagedInstanceId,
            r"(mi-[0-9a-f]{17})|(eks_c:[0-9A-Za-z][A-Za-z0-9\-_]{0,99}_[A-Za-z0-9_]{17})"
        ),
        case!(DashedRuns, r"[a-zA-Z0-9]{1,256}(-*[a-zA-Z0-9]){0,256}"),
        case!(CsvKey, r"[^\x00]{1,1020}\.csv"),
        case!(JsonName, r"[a-z.]+\.json"),
        case!(
            MirroredWithSuffix,
            r"([!-~]{1,300}/)?[a-zé]{1,100}/end-of-the-path!"
        ),
        case!(
            NameString,
            r"[\x{20}-\x{D7FF}\x{E000}-\x{FFFD}\x{10000}-\x{10FFFF}\t]*"
        ),
        case!(
            DescriptionString,
            r"[\x{20}-\x{D7FF}\x{E000}-\x{FFFD}\x{10000}-\x{10FFFF}\r\n\t]*"
        ),
        case!(GlueVersionString, "(([0-9A-Za-z_]+\\.)+[0-9A-Za-z_]+|auto)"),
        case!(
            CaseArn,
            r"arn:[a-z-]*?:cases:[a-z0-9-]*?:[0-9]{12}:domain/[^\n\r\x{85}\x{2028}\x{2029}]{1,500}/case/[A-Za-z0-9\-._/:#=+-]{1,500}"
        ),
        case!(
            WebUrl,
            // After a letter, `\b` is a character that is not one of a word, or the end.
            r"https?://(?:www[^\n\r\x{85}\x{2028}\x{2029}])?[a-zA-Z0-9@:._+~#=-]{2,256}\.[a-z]{2,6}(?:[-@:%+.~#?&/=][-a-zA-Z0-9@:%_+.~#?&/=]{0,2047})?"
        ),
        case!(
            OrchestrationRoleArn,
            r"arn:aws[^:]*:iam::[0-9]*:role/[^\n\r\x{85}\x{2028}\x{2029}]+"
        ),
    ]
}

fn anchored(equivalent: &str) -> Regex {
    Regex::new(&format!("^(?:{equivalent})$")).expect("equivalent pattern")
}

/// Characters that sit on the edges of the seed patterns' classes.
const EDGE_CHARS: &[char] = &[
    '0',
    '9',
    'a',
    'f',
    'g',
    'A',
    'F',
    'Z',
    '_',
    '-',
    '.',
    ':',
    '/',
    ' ',
    '\t',
    '\n',
    '\r',
    '\u{0}',
    '\u{1F}',
    '\u{85}',
    '\u{2028}',
    'é',
    '’',
    '\u{0B}',
    '٣',
    '\u{D7FF}',
    '\u{E000}',
    '\u{FFFD}',
    '\u{FFFE}',
    '\u{FFFF}',
    '😀',
    '\u{10FFFF}',
];

#[derive(Debug, Clone)]
enum Mutation {
    Insert(usize, char),
    Remove(usize),
    Replace(usize, char),
}

fn mutate(text: &str, mutation: &Mutation) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let at = |i: usize, len: usize| if len == 0 { 0 } else { i % (len + 1) };
    match *mutation {
        Mutation::Insert(i, c) => chars.insert(at(i, chars.len()), c),
        Mutation::Remove(i) if !chars.is_empty() => {
            let i = i % chars.len();
            chars.remove(i);
        }
        Mutation::Replace(i, c) if !chars.is_empty() => {
            let i = i % chars.len();
            chars[i] = c;
        }
        _ => {}
    }
    chars.into_iter().collect()
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let edge = proptest::sample::select(EDGE_CHARS);
    prop_oneof![
        (any::<usize>(), edge.clone()).prop_map(|(i, c)| Mutation::Insert(i, c)),
        any::<usize>().prop_map(Mutation::Remove),
        (any::<usize>(), edge).prop_map(|(i, c)| Mutation::Replace(i, c)),
    ]
}

#[test]
fn the_java_dot_equivalent_is_what_the_tests_assume() {
    assert!(cases().iter().any(|c| c.equivalent.contains(JAVA_DOT)));
}

/// Asserts, for each of `patterns`, that its automaton counts with a set of counts (`sets`) or
/// one count, and reads from the end or not (`reversed`).
fn assert_counting(patterns: &[Option<&constrained::Pattern>], sets: bool, reversed: bool) {
    for pattern in patterns {
        let pattern = pattern.expect("a pattern rule");
        let automaton = pattern.automaton.as_ref().expect("an automaton");
        let counter = automaton.counter.as_ref();
        assert!(
            counter.is_some_and(|counter| counter.sets.is_some() == sets)
                && automaton.reversed == reversed,
            "{}",
            pattern.source
        );
    }
}

#[test]
fn several_counts_under_way_are_kept_as_sets() {
    let patterns = [
        CountsBothWays::RULES.pattern,
        CountAtEveryAOrB::RULES.pattern,
        UnboundedCountsBothWays::RULES.pattern,
        EmptyOrPrefixed::RULES.pattern,
    ];
    assert_counting(&patterns, true, false);
}

#[test]
fn counts_that_are_one_at_a_time_from_the_end_are_read_from_the_end() {
    let patterns = [
        SeveralCounts::RULES.pattern,
        CountsWithGaps::RULES.pattern,
        CountAtEveryA::RULES.pattern,
        UnboundedCounts::RULES.pattern,
    ];
    assert_counting(&patterns, false, true);
}

#[test]
fn a_literal_prefix_is_compared_at_once() {
    let automaton = EmptyOrPrefixed::RULES
        .pattern
        .unwrap()
        .automaton
        .as_ref()
        .unwrap();
    assert_eq!(automaton.prefix, b"s3://");
    assert!(EmptyOrPrefixed::RULES.pattern.unwrap().is_match(""));
    for rejected in ["s", "s3:/", "s3:/x/", "S3://abc"] {
        assert!(!automaton.matches(rejected.as_bytes()), "{rejected:?}");
    }
    let automaton = FarmId::RULES.pattern.unwrap().automaton.as_ref().unwrap();
    assert_eq!(automaton.prefix, b"farm-");
}

#[test]
fn the_pattern_bounds_a_counting_automaton_s_length() {
    let automaton = BoundedByWidth::RULES
        .pattern
        .unwrap()
        .automaton
        .as_ref()
        .unwrap();
    assert!(automaton.counter.is_some());
    assert_eq!((automaton.shortest, automaton.longest), (12, 111));
}

/// Values long enough that a set's oldest count reaches the maximum (from then on the set is
/// tallied), made of long runs of one character (moved on at once) and characters beyond
/// ASCII, against `regex`; and long values of runs with separators.
#[test]
fn long_values_agree_with_regex_on_counted_patterns() {
    // Each: a case of `cases()` (its pattern and equivalent), how a value begins, its characters,
    // how half the values end, and the longest value drawn.
    type Family = (
        &'static str,
        &'static str,
        &'static [char],
        &'static str,
        u64,
    );
    macro_rules! family {
        ($t:ty, $start:expr, $alphabet:expr, $end:expr, $longest:expr) => {
            (stringify!($t), $start, $alphabet, $end, $longest)
        };
    }
    let families: [Family; 13] = [
        family!(
            MirroredWithSuffix,
            "",
            &['a', '/', 'é', '!', 'a'],
            "/end-of-the-path!",
            420
        ),
        family!(
            InstanceProfileArn,
            "arn:aws:iam::123456789012:instance-profile/",
            &['a', '/', '!', 'b', 'é'],
            "/x",
            800
        ),
        family!(DashedRuns, "a", &['a', 'b', '-', 'a'], "a", 700),
        family!(
            PiecesWithForcedStarts,
            "r/a",
            &['a', '/', 'a', '/', 'é'],
            "/ab",
            70
        ),
        family!(RunsWithSeparators, "x", &['a', '/', 'b', 'a'], "", 120),
        family!(SeveralCounts, "h", &['a', '/', 'é', '\n'], "", 160),
        family!(
            CountsWithGaps,
            "sab.c",
            &['a', 'c', '.', '/', '😀'],
            "/",
            200
        ),
        family!(CountAtEveryA, "", &['a', 'b', 'é'], "", 200),
        family!(UnboundedCounts, "", &['a', 'b'], ":", 260),
        family!(CountsBothWays, "h", &['a', '/', 'é', '\n'], "t", 160),
        family!(CountAtEveryAOrB, "", &['a', 'b', 'é'], "", 200),
        family!(UnboundedCountsBothWays, "", &['a', 'b'], "", 260),
        family!(EmptyOrPrefixed, "s3://ab", &['a', '.', '/', 'é'], "/", 150),
    ];
    let cases = cases();
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for (name, start, alphabet, end, longest) in families {
        let case = cases
            .iter()
            .find(|case| case.name == name)
            .unwrap_or_else(|| panic!("{name} is one of the cases"));
        let (pattern, regex) = (case.matcher, anchored(case.equivalent));
        let mut accepted = 0;
        for _ in 0..3_000 {
            let mut value = String::from(start);
            let target = (next() % longest) as usize;
            while value.chars().count() < target {
                let c = alphabet[(next() % alphabet.len() as u64) as usize];
                // Runs of one character, most often long ones.
                let run = 1 + (next() % 90) as usize * (next() % 2) as usize;
                value.extend(std::iter::repeat_n(c, run));
            }
            if next() % 2 == 0 {
                value.push_str(end);
            }
            let expected = regex.is_match(&value);
            accepted += usize::from(expected);
            assert_eq!(
                pattern.is_match(&value),
                expected,
                "{}: {value:?}",
                pattern.source
            );
        }
        // Both answers are common, or the family would test little.
        assert!(
            (150..2_850).contains(&accepted),
            "{}: {accepted} of 3,000 accepted",
            pattern.source
        );
    }
}

#[test]
fn patterns_cut_in_two_agree_with_regex() {
    let cases = cases();
    let case = |name: &str| {
        let case = cases.iter().find(|case| case.name == name).unwrap();
        let automaton = case.matcher.automaton.as_ref().expect("an automaton");
        let tail = automaton.tail.expect("a pattern cut in two");
        assert!(tail.reversed && tail.longest <= constrained::MOST_TAIL_BYTES);
        let below = automaton
            .relaxed
            .as_ref()
            .expect("a relaxed automaton")
            .below;
        (case.matcher, anchored(case.equivalent), below)
    };
    // Values on both sides of the relaxed automaton's bound, accepted and refused: (length
    // below it, accepted) → how many.
    let mut sides = std::collections::BTreeMap::new();
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move |below: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % below as u64) as usize
    };
    // Runs of characters, mostly inside the classes, of lengths around the bounds.
    let run = |next: &mut dyn FnMut(usize) -> usize, alphabet: &[&str], around: &[usize]| {
        let length = (around[next(around.len())] + next(5)).saturating_sub(2);
        let mut text = String::new();
        while text.chars().count() < length {
            text.push_str(alphabet[next(alphabet.len())]);
        }
        text
    };
    let (cases_arn, regex, below) = case("CaseArn");
    let mut accepted = 0;
    for _ in 0..2_000 {
        let parts = 1 + next(3);
        let mut value = String::from("arn:aws:cases:us-east-1:123456789012:domain/");
        for k in 0..parts {
            if k > 0 {
                value.push_str(["/case/", "/case/", "/cas/"][k % 3]);
            }
            let alphabet: &[&str] = match k {
                0 => &["x", "Z", "/", ":", "é", " "],
                _ => &["x", "Z", "/", ":", "."],
            };
            value.push_str(&run(&mut next, alphabet, &[1, 100, 250, 494, 500, 506]));
        }
        // Now and then a character neither part may hold.
        if next(5) == 0 {
            let mut at = value.len() - next(200).min(value.len() - 44);
            while !value.is_char_boundary(at) {
                at -= 1;
            }
            value.insert(at, '\n');
        }
        let expected = regex.is_match(&value);
        accepted += usize::from(expected);
        *sides
            .entry(("Cases", value.len() < below, expected))
            .or_insert(0) += 1;
        assert_eq!(cases_arn.is_match(&value), expected, "{value:?}");
        assert_eq!(cases_arn.is_match_const(&value), expected, "{value:?}");
    }
    assert!((200..1_800).contains(&accepted), "{accepted} of 2,000");
    let (url, regex, below) = case("WebUrl");
    let mut accepted = 0;
    for _ in 0..2_000 {
        let mut value = String::from(["https://", "http://", "https://www.", "ftp://"][next(4)]);
        value.push_str(&run(
            &mut next,
            &["h", "h", ".", "-", "9"],
            &[1, 2, 100, 256],
        ));
        value.push_str([".com", ".c", ".museum", ".toolongtld", ""][next(5)]);
        value.push_str(&run(
            &mut next,
            &["p", "/", ".", "?", "=", "x.org"],
            &[0, 0, 1, 2040, 2048],
        ));
        if next(5) == 0 {
            let mut at = next(value.len());
            while !value.is_char_boundary(at) {
                at -= 1;
            }
            value.insert(at, ['é', ' ', '\n'][next(3)]);
        }
        let expected = regex.is_match(&value);
        accepted += usize::from(expected);
        *sides
            .entry(("URL", value.len() < below, expected))
            .or_insert(0) += 1;
        assert_eq!(url.is_match(&value), expected, "{value:?}");
    }
    assert!((200..1_800).contains(&accepted), "{accepted} of 2,000");
    // Both walks were taken, and each said yes and no.
    assert_eq!(sides.len(), 8, "{sides:?}");
    assert!(sides.values().all(|&n| n >= 50), "{sides:?}");
}

#[test]
fn short_values_of_a_cut_pattern_are_decided_by_one_walk() {
    // The shortest value in which `.{1,500}` is exceeded: the shortest `arn:` part, 501
    // characters, `/case/` and one more.
    let domain = "arn::cases::123456789012:domain/";
    let pattern = CaseArn::RULES.pattern.unwrap();
    let automaton = pattern.automaton.as_ref().unwrap();
    let relaxed = automaton.relaxed.as_ref().expect("a relaxed automaton");
    assert!(relaxed.automaton.tail.is_none() && relaxed.automaton.counter.is_none());
    assert_eq!(relaxed.below, domain.len() + 501 + "/case/x".len());
    let value = |x: usize, y: usize| format!("{domain}{}/case/{}", "x".repeat(x), "y".repeat(y));
    for (x, y, expected) in [
        (500, 1, true),
        (500, 2, true),
        (501, 1, false),
        (1, 501, false),
    ] {
        let value = value(x, y);
        assert_eq!(pattern.is_match(&value), expected, "{x} {y}");
        assert_eq!(pattern.is_match_const(&value), expected, "{x} {y}");
        // What the bound guards: the relaxed automaton alone says yes to every one of these.
        assert!(relaxed.automaton.matches(value.as_bytes()), "{x} {y}");
    }
    assert_eq!(value(501, 1).len(), relaxed.below);

    // The URL's host past 256 characters, with the shortest scheme and domain around it.
    let pattern = WebUrl::RULES.pattern.unwrap();
    let relaxed = pattern
        .automaton
        .as_ref()
        .unwrap()
        .relaxed
        .as_ref()
        .unwrap();
    assert!(relaxed.automaton.tail.is_none() && relaxed.automaton.counter.is_none());
    let value = |host: usize| format!("http://{}.co", "h".repeat(host));
    assert_eq!(value(257).len(), relaxed.below);
    assert!(pattern.is_match(&value(256)) && !pattern.is_match(&value(257)));
    assert!(relaxed.automaton.matches(value(257).as_bytes()));
}

#[test]
fn a_cut_tail_s_least_length_is_the_pattern_s() {
    let pattern = LongCaseArn::RULES.pattern.unwrap();
    let tail = pattern
        .automaton
        .as_ref()
        .and_then(|a| a.tail)
        .expect("a tail");
    let value = |x: usize, y: usize| {
        format!(
            "arn:aws:cases:us-east-1:123456789012:domain/{}/case/{}",
            "x".repeat(x),
            "y".repeat(y)
        )
    };
    for (x, y, expected) in [
        (1, 100, true),
        (1, 99, false),
        (500, 100, true),
        (500, 500, true),
        (501, 100, false),
        (1, 501, false),
    ] {
        assert_eq!(pattern.is_match(&value(x, y)), expected, "{x} {y}");
    }
    assert_eq!(tail.shortest, 100);
}

#[test]
fn a_pattern_cut_in_two_reads_a_huge_value_once() {
    let pattern = CaseArn::RULES.pattern.unwrap();
    let domain = "arn:aws:cases:us-east-1:123456789012:domain/";
    // Megabytes of head or of tail: either walk stops where its part can go no further.
    let long_head = format!("{domain}{}/case/x", "x".repeat(4 << 20));
    let long_tail = format!("{domain}x/case/{}", "x".repeat(4 << 20));
    let cases = format!("{domain}{}", "/case/x".repeat(600_000));
    for value in [&long_head, &long_tail, &cases] {
        assert!(!pattern.is_match(value));
    }
    assert!(pattern.is_match(&format!("{domain}x{}", "/case/x".repeat(70))));
}

#[test]
fn a_literal_end_is_compared_before_the_walk() {
    let pattern = JsonName::RULES.pattern.unwrap();
    let automaton = pattern.automaton.as_ref().unwrap();
    assert!(!automaton.reversed && automaton.counter.is_none());
    assert_eq!(automaton.ends_with, b".json");
    for accepted in ["a.json", "..json", "a.json.json"] {
        assert!(automaton.matches(accepted.as_bytes()), "{accepted:?}");
    }
    for rejected in [".json", "a.json\n", "a.JSON", "a.jso", "A.json", "a.jsonx"] {
        assert!(!automaton.matches(rejected.as_bytes()), "{rejected:?}");
    }
    // Read from the end, the literal end is the automaton's prefix.
    let automaton = CsvKey::RULES.pattern.unwrap().automaton.as_ref().unwrap();
    assert!(automaton.reversed && automaton.ends_with.is_empty());
    assert_eq!(automaton.prefix, b"vsc.");
    for accepted in [
        "a.csv",
        ".csv.csv",
        "日本.csv",
        &format!("{}.csv", "x".repeat(1020)),
    ] {
        assert!(automaton.matches(accepted.as_bytes()), "{accepted:?}");
    }
    for rejected in [
        ".csv",
        "a.csv\n",
        "a.CSV",
        "\0.csv",
        &format!("{}.csv", "x".repeat(1021)),
    ] {
        assert!(!automaton.matches(rejected.as_bytes()), "{rejected:?}");
    }
}

#[test]
fn patterns_that_count_less_backwards_are_read_from_the_end() {
    for pattern in [
        InstanceProfileArn::RULES.pattern,
        ManagedInstanceId::RULES.pattern,
        MirroredWithSuffix::RULES.pattern,
    ] {
        let pattern = pattern.expect("a pattern rule");
        let automaton = pattern.automaton.as_ref().expect("an automaton");
        assert!(automaton.reversed, "{}", pattern.source);
    }
    let pattern = InstanceProfileArn::RULES.pattern.unwrap();
    let arn = |path: &str| format!("arn:aws:iam::123456789012:instance-profile/{path}");
    assert!(pattern.is_match(&arn("web")));
    assert!(pattern.is_match(&arn(&format!("{}/{}", "p".repeat(510), "w".repeat(128)))));
    assert!(!pattern.is_match(&arn(&format!("{}/{}", "p".repeat(511), "w".repeat(128)))));
    assert!(!pattern.is_match(&arn(&format!("{}/{}", "p".repeat(510), "w".repeat(129)))));
    // The part after the last `/` is the name; the `/`s before it belong to the path.
    assert!(pattern.is_match(&arn("a/b/c/web")));
    assert!(!pattern.is_match(&arn("a/b/c/")));
    assert!(!pattern.is_match(&arn("a/b/c/w!b")));
    // The prefix the automaton compares is what every value ends with; a value shorter than it
    // is refused, not read out of bounds.
    assert!(!pattern.is_match(""));
    assert!(!pattern.is_match("w"));
    const CONSTANT: bool = InstanceProfileArn::RULES
        .pattern
        .unwrap()
        .is_match_const("arn:aws-cn:iam::123456789012:instance-profile/a/b");
    const { assert!(CONSTANT) };
    let automaton = MirroredWithSuffix::RULES
        .pattern
        .unwrap()
        .automaton
        .as_ref();
    assert_eq!(automaton.unwrap().prefix, b"!htap-eht-fo-dne/");
}

#[test]
fn generated_values_of_mirrored_and_conjoined_patterns_validate() {
    use constrained::generate::Generate;
    use proptest::strategy::ValueTree;

    fn holds<T: Generate + serde::de::DeserializeOwned + serde::Serialize>() {
        let mut runner = proptest::test_runner::TestRunner::default();
        let (valid, near_miss) = (T::valid(), T::near_miss());
        for _ in 0..64 {
            let value = valid
                .new_tree(&mut runner)
                .expect("a valid value")
                .current()
                .0;
            let json = serde_json::to_string(&value).unwrap();
            assert!(constrained::from_json_str::<T>(&json).is_ok(), "{json}");
            let miss = near_miss
                .new_tree(&mut runner)
                .expect("a near miss")
                .current();
            assert!(serde_json::from_value::<T>(miss.clone()).is_err(), "{miss}");
        }
    }
    holds::<InstanceProfileArn>();
    holds::<ManagedInstanceId>();
    holds::<MirroredWithSuffix>();
    holds::<DashedRuns>();
    holds::<StackArn>();
    holds::<CaseArn>();
    holds::<WebUrl>();
}

#[test]
fn coupled_counts_are_two_automata() {
    let pattern = DashedRuns::RULES.pattern.expect("a pattern rule");
    assert!(pattern.automaton.as_ref().is_some_and(|a| a.also.is_some()));
    let runs = |first: usize, rest: &[usize]| {
        let mut value = "a".repeat(first);
        for &run in rest {
            value.push_str("--");
            value.push_str(&"b".repeat(run));
        }
        value
    };
    // At most 512 letters and digits, at most 256 of them after the first run.
    assert!(pattern.is_match(&runs(512, &[])));
    assert!(!pattern.is_match(&runs(513, &[])));
    assert!(pattern.is_match(&runs(256, &[128, 128])));
    assert!(!pattern.is_match(&runs(256, &[128, 129])));
    assert!(pattern.is_match(&runs(300, &[100, 112])));
    assert!(!pattern.is_match(&runs(300, &[100, 113])));
    assert!(!pattern.is_match(&runs(1, &[257])));
    assert!(!pattern.is_match(&format!("{}-", runs(3, &[3]))));
    assert!(!pattern.is_match(&format!("-{}", runs(3, &[3]))));
}

#[test]
fn a_look_ahead_on_the_length_is_a_second_automaton() {
    let pattern = StackArn::RULES.pattern.expect("a pattern rule");
    let automaton = pattern.automaton.as_ref().expect("an automaton");
    assert!(automaton.also.is_some(), "{}", pattern.source);
    let rest = anchored(
        r"arn:aws[a-z\-]*:cloudformation:[a-z0-9\-]*:[0-9]{12}:stack/[a-zA-Z][a-zA-Z0-9-]{0,127}/[^\n\r\x{85}\x{2028}\x{2029}]*",
    );
    let expected = |text: &str| rest.is_match(text) && (1..=256).contains(&text.chars().count());
    let stack = |name: &str, tail: &str| {
        format!("arn:aws:cloudformation:us-east-1:123456789012:stack/{name}/{tail}")
    };
    let fits = stack("web", &"é".repeat(256 - stack("web", "").chars().count()));
    assert!(pattern.is_match(&fits));
    assert!(!pattern.is_match(&format!("{fits}x")));
    assert!(!pattern.is_match(&stack(&"w".repeat(129), "")));
    assert!(!pattern.is_match(&format!("{}\n", stack("web", ""))));
    let valid = proptest::string::string_regex(
        r"arn:aws[a-z\-]{0,40}:cloudformation:[a-z0-9\-]{0,40}:[0-9]{12}:stack/[a-zA-Z][a-zA-Z0-9-]{0,127}/[^\n\r\x{85}\x{2028}\x{2029}]{0,150}",
    )
    .expect("a strategy");
    let mutated = (valid, proptest::collection::vec(mutation(), 0..3))
        .prop_map(|(text, mutations)| mutations.iter().fold(text, |text, m| mutate(&text, m)));
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(2_000));
    let accepted = std::cell::Cell::new(0);
    runner
        .run(&mutated, |text| {
            accepted.set(accepted.get() + usize::from(expected(&text)));
            prop_assert_eq!(pattern.is_match(&text), expected(&text), "{:?}", text);
            prop_assert_eq!(pattern.is_match_const(&text), expected(&text), "{:?}", text);
            Ok(())
        })
        .unwrap();
    // Both answers are common, or the test would check little.
    let accepted = accepted.get();
    assert!(
        (200..1_800).contains(&accepted),
        "{accepted} of 2,000 accepted"
    );
}

#[test]
fn a_long_repetition_of_a_group_is_counted() {
    let pattern = CountedGroup::RULES.pattern.expect("a pattern rule");
    let automaton = pattern.automaton.as_ref().expect("an automaton");
    assert!(automaton.counter.is_some(), "{}", pattern.source);
}

#[test]
fn generated_strings_are_accepted() {
    for case in cases() {
        let strategy = proptest::string::string_regex(case.equivalent).expect(case.name);
        let mut runner = proptest::test_runner::TestRunner::default();
        runner
            .run(&strategy, |text| {
                prop_assert!(case.matcher.is_match(&text), "{}: {:?}", case.name, text);
                Ok(())
            })
            .unwrap_or_else(|e| panic!("{}: {e}", case.name));
    }
}

#[test]
fn the_automaton_agrees_with_the_regex_crate() {
    for case in cases() {
        let reference = anchored(case.equivalent);
        let valid = proptest::string::string_regex(case.equivalent).expect(case.name);
        let mutated = (valid, proptest::collection::vec(mutation(), 1..4))
            .prop_map(|(text, mutations)| mutations.iter().fold(text, |text, m| mutate(&text, m)));
        let input = prop_oneof![mutated, any::<String>(), "[\\PC\\n\\r\\t]{0,40}"];
        let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(512));
        runner
            .run(&input, |text| {
                prop_assert_eq!(
                    case.matcher.is_match(&text),
                    reference.is_match(&text),
                    "{}: {:?}",
                    case.name,
                    text
                );
                // The straight-line matcher, where a pattern has one, agrees with the automaton.
                prop_assert_eq!(
                    case.matcher.is_match(&text),
                    case.matcher.is_match_const(&text),
                    "{}: {:?}",
                    case.name,
                    text
                );
                Ok(())
            })
            .unwrap_or_else(|e| panic!("{}: {e}", case.name));
    }
}

#[test]
fn the_common_shapes_compile_to_straight_line_code() {
    let straight: Vec<&str> = cases()
        .iter()
        .filter(|c| c.matcher.matcher.is_some())
        .map(|c| c.name)
        .collect();
    for name in [
        "FarmId",
        "FleetId",
        "WorkerId",
        "SessionId",
        "IpV4Address",
        "IpV6Address",
        "HostName",
        "OrchestrationNameString",
        // Alternations told apart by their first byte.
        "SessionActionId",
        "EnvironmentId",
        // A run of a class with members beyond ASCII.
        "NameString",
        // Classes that hold every character beyond ASCII, read as bytes; many ASCII ranges,
        // tested as a bit set.
        "BeyondAsciiCounts",
        "ManyRanges",
    ] {
        assert!(
            straight.contains(&name),
            "{name} should be straight-line: {straight:?}"
        );
    }
    // A repeated group of variable length needs the automaton.
    assert!(
        !straight.contains(&"GlueVersionString"),
        "GlueVersionString needs the automaton"
    );
}

/// Letters in up to three dot-separated words: over UTF-8 bytes, `\p{L}`'s partial states in each
/// state put this past the budget; over characters it is a handful of states.
#[derive(Debug, constrained::Constrained)]
#[constrained(pattern = r"\p{L}+(?:\.\p{L}+){0,2}")]
pub struct DottedLetters(String);

#[test]
fn classes_far_beyond_ascii_compile_over_characters() {
    let pattern = DottedLetters::RULES.pattern.unwrap();
    let automaton = pattern.automaton.as_ref().unwrap();
    assert!(automaton.wide.is_some(), "the automaton reads characters");
    for ok in ["héllo", "日本.語", "a.b.c", "𐐀", "Ωμέγα.ÅÄÖ"] {
        assert!(pattern.is_match(ok), "{ok:?}");
        assert!(pattern.is_match_const(ok), "{ok:?}");
    }
    // U+0301 is a combining mark, U+2028 a line separator: neither is a letter.
    for bad in [
        "",
        "a..b",
        "a.b.c.d",
        "a1",
        "é\u{301}",
        ".a",
        "a.",
        "a\u{2028}",
    ] {
        assert!(!pattern.is_match(bad), "{bad:?}");
        assert!(!pattern.is_match_const(bad), "{bad:?}");
    }
    // Bytes that are not UTF-8 never match, however they start.
    for bytes in [
        &b"\xC3"[..],
        b"a\xFFb",
        b"\xE6\x97",
        b"\xED\xA0\x80",
        b"\xF4\x90\x80\x80",
    ] {
        assert!(!automaton.matches(bytes), "{bytes:x?}");
    }
    // `literal!` checks the value by the same automaton when the constant is evaluated.
    let greeting = constrained::literal!(DottedLetters, "Grüße.日本");
    assert_eq!(greeting.as_str(), "Grüße.日本");
}
