//! Batches: many documents summarized in parallel on the summarizer's own
//! pool, results in input order (rayon's indexed `collect`).

use crate::{Summarizer, Summary};
use nutgraf_parse::{parse, Document};

use rayon::prelude::*;

impl Summarizer {
    /// Summarizes many texts in parallel; the result has one summary per
    /// text, in input order, identical to calling [`Summarizer::summarize`]
    /// on each.
    pub fn summarize_many<S: AsRef<str> + Sync>(&self, texts: &[S]) -> Vec<Summary> {
        self.pool.install(|| {
            texts
                .par_iter()
                .map(|text| self.summarize_in_pool(&parse(text.as_ref(), &self.parse_options)))
                .collect()
        })
    }

    /// Summarizes many `(text, title)` pairs in parallel, in input order;
    /// each is the same as [`Summarizer::summarize_titled`].
    pub fn summarize_many_titled<S, T>(&self, items: &[(S, Option<T>)]) -> Vec<Summary>
    where
        S: AsRef<str> + Sync,
        T: AsRef<str> + Sync,
    {
        self.pool.install(|| {
            items
                .par_iter()
                .map(|(text, title)| {
                    let doc = self.parse_titled(text.as_ref(), title.as_ref().map(AsRef::as_ref));
                    self.summarize_in_pool(&doc)
                })
                .collect()
        })
    }

    /// Summarizes many parsed documents in parallel, in input order.
    pub fn summarize_documents(&self, docs: &[Document]) -> Vec<Summary> {
        self.pool
            .install(|| docs.par_iter().map(|d| self.summarize_in_pool(d)).collect())
    }
}
