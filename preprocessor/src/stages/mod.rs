//! The cleaning stages, each a pure function with its own tests.
pub mod classify;
pub mod decode;
pub mod normalise;
pub mod reflow;
pub mod repair;
pub mod rules;
