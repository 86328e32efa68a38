//! How much the long-document bounds of the similarity graph
//! ([`GraphOptions`]: `max_term_df`, `max_neighbours`) change what the
//! graph scorers rank first, and what they save.
//!
//! ```text
//! cargo run --release -p nutgraf-summarize --example graph_bounds -- [sentences] [df,df,..] [k,k,..]
//! ```
//!
//! For a document of real news text (default 10,000 sentences, see
//! `benches/common`), scores the candidates with LexRank (the configured
//! continuous form) and TextRank, once on the exact graph and once per
//! combination of the given `max_term_df` and `max_neighbours` values
//! (defaults `50,100,250` and `16,32,64`), and prints for each: CPU time,
//! edges, whether the top 3 (the summary) is the same sentences in the same
//! order, and how many of the exact top 10 and top 100 are still in the
//! bounded top 10 and top 100. The same overlaps for plain PageRank on the
//! cosine graph, with the bounded graph's left-out weight
//! ([`SimilarityGraph::dropped`](nutgraf_summarize::similarity::SimilarityGraph::dropped))
//! and without it, show what that weight is worth. Beyond 20,000 sentences the exact graph is
//! skipped (it would not fit in memory) and only times and edges print.

#[path = "../benches/common/mod.rs"]
mod common;

use nutgraf_parse::parse;
use nutgraf_summarize::scorers::{lexrank::LexRank, textrank::TextRank};
use nutgraf_summarize::similarity::{
    pagerank, similarity_graph, GraphOptions, PageRankOptions, PairWeight,
};
use nutgraf_summarize::vectors::{sentence_terms, Idf, IdfFormula, TermFilter};
use nutgraf_summarize::{Scorer, ScoringContext, SummarizerConfig};

/// Candidate positions by decreasing score, earlier first among equals.
fn ranking(scores: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    order
}

fn kept(exact: &[usize], bounded: &[usize], k: usize) -> usize {
    let top: std::collections::HashSet<usize> = bounded.iter().take(k).copied().collect();
    exact.iter().take(k).filter(|i| top.contains(i)).count()
}

fn list(arg: Option<&String>, default: &[usize]) -> Vec<usize> {
    arg.map(|a| a.split(',').filter_map(|x| x.parse().ok()).collect())
        .unwrap_or_else(|| default.to_vec())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let sentences: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let dfs = list(args.get(1), &[50, 100, 250]);
    let ks = list(args.get(2), &[16, 32, 64]);

    let (text, source) = common::document(sentences);
    let config = SummarizerConfig::default();
    let doc = parse(&text, &config.parse_options());
    let candidates: Vec<usize> = doc
        .selectable_sentences()
        .filter(|&i| !doc.sentences[i].tokens.is_empty())
        .collect();
    let context = ScoringContext {
        candidates: &candidates,
    };
    println!(
        "source={source} candidates={} (LexRank and TextRank as configured by default)",
        candidates.len()
    );
    let terms = sentence_terms(&doc, &candidates, &TermFilter::CONTENT);
    let idf = Idf::from_sentences(&terms, doc.vocabulary.stems.len(), IdfFormula::Smooth);

    // The exact graph of a huge document does not fit in memory: beyond
    // 20,000 sentences only the bounded settings run (times and edges).
    let compare = candidates.len() <= 20_000;
    let mut settings = Vec::new();
    if compare {
        settings.push(("exact".to_string(), GraphOptions::EXACT));
    }
    for &df in &dfs {
        for &k in &ks {
            settings.push((
                format!("df<={df} k={k}"),
                GraphOptions {
                    exact_up_to: 0,
                    max_term_df: df,
                    max_neighbours: Some(k),
                    min_weight: 0.0,
                },
            ));
        }
    }
    let mut exact: Vec<Vec<usize>> = Vec::new();
    let mut plain_exact: Option<Vec<usize>> = None;
    for (name, graph) in settings {
        let lexrank = LexRank {
            graph,
            ..LexRank::from_config(&config)
        };
        let textrank = TextRank {
            graph,
            ..TextRank::from_config(&config)
        };
        let cosine = similarity_graph(&terms, PairWeight::Cosine(&idf), &graph);
        let mut line = format!("{name:>16} cosine_edges={:>9}", cosine.edge_count());
        // Plain PageRank on the cosine graph, with the left-out weight and
        // without it (`filter_map` forgets it): what that weight is worth.
        let with = ranking(&pagerank(&cosine, &PageRankOptions::default(), None));
        let without = ranking(&pagerank(
            &cosine.filter_map(|_, _, w| Some(w)),
            &PageRankOptions::default(),
            None,
        ));
        match &plain_exact {
            None => plain_exact = Some(with.clone()),
            Some(e) if compare => line.push_str(&format!(
                " | cosine pagerank: top10={}/10 top100={}/100, without left-out weight \
                 top10={}/10 top100={}/100",
                kept(e, &with, 10),
                kept(e, &with, 100),
                kept(e, &without, 10),
                kept(e, &without, 100),
            )),
            Some(_) => {}
        }
        for (s, (scorer_name, scorer)) in [
            ("lexrank", &lexrank as &dyn Scorer),
            ("textrank", &textrank as &dyn Scorer),
        ]
        .into_iter()
        .enumerate()
        {
            let cpu = cpu_time::ProcessTime::now();
            let r = ranking(&scorer.score(&doc, &context));
            let secs = cpu.elapsed().as_secs_f64();
            if exact.len() <= s {
                exact.push(r.clone());
            }
            if !compare {
                line.push_str(&format!(" | {scorer_name}: cpu={secs:.2}s"));
                continue;
            }
            let e = &exact[s];
            line.push_str(&format!(
                " | {scorer_name}: cpu={secs:.2}s top3_same={} top10={}/10 top100={}/100",
                e[..3.min(e.len())] == r[..3.min(r.len())],
                kept(e, &r, 10),
                kept(e, &r, 100),
            ));
        }
        println!("{line}");
    }
}
