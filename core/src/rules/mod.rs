//! The rules of constrained types, as data the derive emits into a `RULES` constant, and how each
//! checks a value and deserializes under it: one file per family of inner type.

pub(crate) mod blob;
pub(crate) mod collection;
pub(crate) mod custom;
pub(crate) mod element;
pub(crate) mod enumeration;
pub(crate) mod length;
pub(crate) mod number;
pub(crate) mod sanitize;
pub(crate) mod sensitive;
pub(crate) mod text;
