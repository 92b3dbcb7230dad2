//! End-to-end tests for the book live in e2e.rs.
