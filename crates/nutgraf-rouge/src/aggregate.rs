//! Corpus-level ROUGE: means and bootstrap confidence intervals, in the
//! style of `rouge-score`'s `BootstrapAggregator`.
//!
//! Documents are drawn with replacement `n_samples` times (each resample as
//! large as the corpus); for each resample the mean of every figure is taken,
//! and `low`/`mid`/`high` are the percentiles (2.5, 50, 97.5 for a 95%
//! interval) of those means, interpolated linearly like numpy's default
//! `percentile`. `mean` is the plain mean over the corpus.
//!
//! Differences from `rouge-score`, on purpose: the random draws are
//! reproducible (ChaCha8 seeded from [`BootstrapConfig::seed`], one stream
//! per resample, so resamples can run in parallel and still give the same
//! numbers at any thread count), and one set of draws serves all metrics.
//! The intervals are therefore not bit-identical to Python's, which uses
//! numpy's global random state.

use crate::{Metric, RougeError, Score, Scores};
use rand::RngExt;
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Bootstrap settings.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BootstrapConfig {
    /// Number of resamples (`rouge-score` default: 1000).
    pub n_samples: usize,
    /// Width of the interval, in `[0, 1]` (default 0.95).
    pub confidence_interval: f64,
    /// Seed of the random draws.
    pub seed: u64,
}

impl Default for BootstrapConfig {
    fn default() -> Self {
        BootstrapConfig {
            n_samples: 1000,
            confidence_interval: 0.95,
            seed: 0x5eed_2004,
        }
    }
}

/// Corpus-level figures of one metric.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct AggregateScore {
    /// Mean over all documents.
    pub mean: Score,
    /// Lower bound of the confidence interval.
    pub low: Score,
    /// Median of the resampled means.
    pub mid: Score,
    /// Upper bound of the confidence interval.
    pub high: Score,
}

/// Aggregates per-document scores (as returned by [`crate::Rouge::score_corpus`]).
/// Every entry must hold the same metrics. An empty slice gives an empty map.
///
/// ```
/// use nutgraf_rouge::{aggregate, BootstrapConfig, Metric, Rouge, RougeConfig};
/// let rouge = Rouge::new(RougeConfig { metrics: vec![Metric::Rouge1], stemmer: false });
/// let scores = rouge.score_corpus(&[("a b", "a b"), ("a b", "c d")]);
/// let agg = aggregate(&scores, &BootstrapConfig::default()).unwrap();
/// let r1 = agg[&Metric::Rouge1];
/// assert_eq!(r1.mean.recall, 0.5);
/// assert!(r1.low.recall <= r1.mid.recall && r1.mid.recall <= r1.high.recall);
/// ```
pub fn aggregate(
    scores: &[Scores],
    config: &BootstrapConfig,
) -> Result<BTreeMap<Metric, AggregateScore>, RougeError> {
    if config.n_samples == 0 {
        return Err(RougeError::InvalidBootstrap(
            "n_samples must be positive".into(),
        ));
    }
    if !(0.0..=1.0).contains(&config.confidence_interval) {
        return Err(RougeError::InvalidBootstrap(
            "confidence_interval must be in [0, 1]".into(),
        ));
    }
    let Some(first) = scores.first() else {
        return Ok(BTreeMap::new());
    };
    let metrics: Vec<Metric> = first.keys().copied().collect();
    // One row per document: (precision, recall, fmeasure) of each metric.
    let width = metrics.len() * 3;
    let mut matrix = Vec::with_capacity(scores.len() * width);
    for doc in scores {
        for &m in &metrics {
            let s = doc.get(&m).ok_or(RougeError::MissingMetric(m))?;
            matrix.extend([s.precision, s.recall, s.fmeasure]);
        }
    }
    let docs = scores.len();

    let mut mean = vec![0.0; width];
    for row in matrix.chunks_exact(width) {
        for (acc, v) in mean.iter_mut().zip(row) {
            *acc += v;
        }
    }
    mean.iter_mut().for_each(|v| *v /= docs as f64);

    // Resampled means: one row per resample, computed in parallel but each
    // from its own random stream, so the order of work does not matter.
    let resampled: Vec<Vec<f64>> = (0..config.n_samples)
        .into_par_iter()
        .map(|i| {
            let mut rng = ChaCha8Rng::seed_from_u64(config.seed);
            rng.set_stream(i as u64);
            let mut sums = vec![0.0; width];
            for _ in 0..docs {
                let doc = rng.random_range(0..docs);
                for (acc, v) in sums.iter_mut().zip(&matrix[doc * width..(doc + 1) * width]) {
                    *acc += v;
                }
            }
            sums.iter_mut().for_each(|v| *v /= docs as f64);
            sums
        })
        .collect();

    let delta = (1.0 - config.confidence_interval) / 2.0;
    let quantiles = [delta, 0.5, 1.0 - delta];
    let mut column = vec![0.0; config.n_samples];
    // bounds[q][col]
    let mut bounds = vec![vec![0.0; width]; 3];
    for col in 0..width {
        for (slot, row) in column.iter_mut().zip(&resampled) {
            *slot = row[col];
        }
        column.sort_by(f64::total_cmp);
        for (q, bound) in quantiles.iter().zip(bounds.iter_mut()) {
            bound[col] = percentile(&column, *q);
        }
    }

    let score_at = |values: &[f64], k: usize| Score {
        precision: values[3 * k],
        recall: values[3 * k + 1],
        fmeasure: values[3 * k + 2],
    };
    Ok(metrics
        .iter()
        .enumerate()
        .map(|(k, &m)| {
            let agg = AggregateScore {
                mean: score_at(&mean, k),
                low: score_at(&bounds[0], k),
                mid: score_at(&bounds[1], k),
                high: score_at(&bounds[2], k),
            };
            (m, agg)
        })
        .collect())
}

/// The `q`-quantile (`q` in `[0, 1]`) of sorted, non-empty `values`, with
/// linear interpolation between neighbours (numpy's default method).
fn percentile(sorted: &[f64], q: f64) -> f64 {
    let pos = q * (sorted.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = (lo + 1).min(sorted.len() - 1);
    let frac = pos - lo as f64;
    sorted[lo] + (sorted[hi] - sorted[lo]) * frac
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(p: f64, r: f64) -> Scores {
        Scores::from([(
            Metric::Rouge1,
            Score {
                precision: p,
                recall: r,
                fmeasure: crate::fmeasure(p, r),
            },
        )])
    }

    #[test]
    fn percentile_interpolates_like_numpy() {
        // numpy.percentile([1, 2, 3, 4], [0, 25, 50, 100]) == [1, 1.75, 2.5, 4]
        let v = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(percentile(&v, 0.0), 1.0);
        assert_eq!(percentile(&v, 0.25), 1.75);
        assert_eq!(percentile(&v, 0.5), 2.5);
        assert_eq!(percentile(&v, 1.0), 4.0);
        assert_eq!(percentile(&[7.0], 0.3), 7.0);
    }

    #[test]
    fn constant_scores_have_a_zero_width_interval() {
        let scores = vec![doc(0.5, 0.25); 20];
        let agg = aggregate(&scores, &BootstrapConfig::default()).unwrap()[&Metric::Rouge1];
        for s in [agg.mean, agg.low, agg.mid, agg.high] {
            assert_eq!((s.precision, s.recall), (0.5, 0.25));
        }
    }

    #[test]
    fn interval_brackets_the_mean_and_is_reproducible() {
        let scores: Vec<Scores> = (0..50)
            .map(|i| doc(i as f64 / 50.0, 1.0 - i as f64 / 50.0))
            .collect();
        let config = BootstrapConfig {
            n_samples: 200,
            ..BootstrapConfig::default()
        };
        let a = aggregate(&scores, &config).unwrap();
        let r1 = a[&Metric::Rouge1];
        // (0 + 1 + ... + 49) / 50 / 50 = 0.49
        assert!((r1.mean.precision - 0.49).abs() < 1e-12);
        assert!(r1.low.precision < 0.49 && 0.49 < r1.high.precision);
        assert!(
            r1.low.precision > 0.35 && r1.high.precision < 0.63,
            "{r1:?}"
        );
        // Same seed, any thread count: identical.
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        assert_eq!(pool.install(|| aggregate(&scores, &config)).unwrap(), a);
        // Another seed: different draws.
        let other = aggregate(&scores, &BootstrapConfig { seed: 1, ..config }).unwrap();
        assert_ne!(other[&Metric::Rouge1].low, r1.low);
    }

    #[test]
    fn bad_input_is_an_error() {
        let scores = vec![doc(1.0, 1.0)];
        let zero = BootstrapConfig {
            n_samples: 0,
            ..BootstrapConfig::default()
        };
        assert!(aggregate(&scores, &zero).is_err());
        let wide = BootstrapConfig {
            confidence_interval: 1.5,
            ..BootstrapConfig::default()
        };
        assert!(aggregate(&scores, &wide).is_err());
        let mixed = vec![doc(1.0, 1.0), Scores::new()];
        assert_eq!(
            aggregate(&mixed, &BootstrapConfig::default()),
            Err(RougeError::MissingMetric(Metric::Rouge1))
        );
        assert!(aggregate(&[], &BootstrapConfig::default())
            .unwrap()
            .is_empty());
    }
}
