//! The runtime engine for a pattern past the compile-time automaton's size budget, behind the
//! `runtime-patterns` feature. Without the feature such a pattern is a compile error at the
//! pattern, naming the feature; with it, regex-automata matches it, built on first use.

/// A whole-value matcher for one oversized pattern.
#[cfg(feature = "runtime-patterns")]
pub struct RuntimeRegex(regex_automata::meta::Regex);

#[cfg(feature = "runtime-patterns")]
impl RuntimeRegex {
    /// Builds the engine for `pattern`: the derive's translation of the attribute's pattern into
    /// regex-syntax's dialect, already anchored at the end (`(?:…)\z`).
    pub fn new(pattern: &str) -> Self {
        let config = regex_automata::meta::Config::new().nfa_size_limit(None);
        let regex = regex_automata::meta::Regex::builder()
            .configure(config)
            .build(pattern)
            // The derive parsed this pattern when it expanded, and no size limit is set.
            .expect("a pattern the derive has already parsed");
        RuntimeRegex(regex)
    }

    /// Whether the whole of `text` matches.
    pub fn is_full_match(&self, text: &[u8]) -> bool {
        let input = regex_automata::Input::new(text).anchored(regex_automata::Anchored::Yes);
        self.0.is_match(input)
    }
}

/// The matcher of a pattern past the compile-time automaton's budget.
#[doc(hidden)]
#[macro_export]
#[cfg(feature = "runtime-patterns")]
macro_rules! __runtime_pattern {
    ($pattern:literal) => {{
        fn runtime_matcher(text: &str) -> bool {
            static REGEX: ::std::sync::LazyLock<$crate::__private::RuntimeRegex> =
                ::std::sync::LazyLock::new(|| $crate::__private::RuntimeRegex::new($pattern));
            REGEX.is_full_match(text.as_bytes())
        }
        runtime_matcher
    }};
}

/// The matcher of a pattern past the compile-time automaton's budget.
#[doc(hidden)]
#[macro_export]
#[cfg(not(feature = "runtime-patterns"))]
macro_rules! __runtime_pattern {
    ($pattern:literal) => {
        ::core::compile_error!(
            "this pattern is too large for a compile-time automaton (more than 65,535 \
             transitions): narrow it, or enable the `runtime-patterns` feature of `constrained` \
             to match it with a runtime engine"
        )
    };
}
