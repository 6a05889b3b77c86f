//! What a naive derive would emit, for both benchmarks: a newtype whose `Deserialize` runs a
//! `LazyLock<Regex>`.

/// `regex_newtype!(Name, "^pattern$")`: a `String` newtype that checks the pattern while it
/// deserializes.
macro_rules! regex_newtype {
    ($name:ident, $re:literal) => {
        pub struct $name(String);

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                static PATTERN: std::sync::LazyLock<regex::Regex> =
                    std::sync::LazyLock::new(|| regex::Regex::new($re).unwrap());
                let value = String::deserialize(d)?;
                if PATTERN.is_match(&value) {
                    Ok($name(value))
                } else {
                    Err(serde::de::Error::custom("pattern"))
                }
            }
        }
    };
}
