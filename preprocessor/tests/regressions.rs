//! Inputs that once broke the cleaner (from fuzzing) or sit on its edges,
//! replayed on every test run: no panic, every line accounted for.

use mdbook_seeds::Config;
use mdbook_seeds::internals::chapters;
use mdbook_seeds::internals::clean_one;

#[test]
fn every_regression_input_cleans_without_panic() {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/regressions"));
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let path = e.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let cleaned = clean_one("regression.txt", &bytes)
            .unwrap_or_else(|e| panic!("{}: {e:#}", path.display()));
        for p in &cleaned.pages {
            assert!(
                p.accounting.is_exact(),
                "{}: {}",
                path.display(),
                p.accounting
            );
        }
        let _ = chapters(&cleaned, &Config::default());
        n += 1;
    }
    assert!(n >= 5, "regression inputs found: {n}");
}
