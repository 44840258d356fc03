"""Which public analysis functions have a test with an independently derived expected value (issue 20, "Tests").

Every public function of ``nqpf.analysis`` (the names in each module's ``__all__``; in a module without one, its
public ``def``s) must be in exactly one of three lists below:

- :data:`REFERENCE`: the test(s) that call it and compare its result with a value derived independently of the
  function (a hand calculation shown in the test, a published table or printed line, the raw data file read by
  the test itself, or another library such as SciPy, NumPy, statsmodels or pymcdm), and where that value comes
  from. ``via`` names the handle the test uses when it reaches the function another way (a fact-check key, a
  finding id); the check below requires that handle (default: the function's own name) in the test's source.
- :data:`EXEMPT`: functions with nothing to compare against, with the reason (argument checks, caches, loaders
  whose schema the manifests check, plain formatters and lookups of the module's own tables).
- :data:`PENDING`: not covered yet, with what is missing (functions of topics other helpers own are listed there
  until their tests name a reference).

Keys are dotted paths below ``nqpf.analysis``; a key may leave out intermediate module names (``tfp.decompose``
finds ``tfp.accounting.decompose``) as long as it matches one function only, so a module split does not stale it.
The share of covered functions among those not exempt is measured overall and for the table-building packages
``world``, ``policy`` and ``provinces``.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import pytest

import nqpf.analysis

UNIT = Path(__file__).parent
TARGET = 0.80          # issue 20: at least 80 % overall and in world, policy and provinces
TABLE_PACKAGES = ("world", "policy", "provinces")


class Ref(NamedTuple):
    tests: tuple[str, ...]
    source: str
    via: str | None = None


def R(tests, source, via=None) -> Ref:
    return Ref(tuple(tests.split()) if isinstance(tests, str) else tuple(tests), source, via)


W, WT, RW = "test_world.py", "test_world_tables.py", "test_ref_world.py"
P, RP = "test_policy.py", "test_ref_policy.py"
DR, OR, IR, TR = ("test_digital_referee.py", "test_outcomes_referee.py", "test_industries_referee.py",
                  "test_tfp_referee.py")
PV, PG, PM, PR, RPV = ("test_provinces.py", "test_provinces_gaps.py", "test_provinces_montecarlo.py",
                       "test_provinces_rd2024.py", "test_ref_provinces.py")

REFERENCE: dict[str, Ref] = {
    "policy.engines.jieba_reference": R(
        "test_policy.py::test_engine_comparison_trusts_the_recorded_jieba_tokens_only_for_the_same_text_and_dictionary",
        "Chinese tokens of two texts counted by hand with the user dictionary: 4 and 2"),
    "policy.engines.compare_engines": R(
        "test_policy.py::test_engine_comparison_trusts_the_recorded_jieba_tokens_only_for_the_same_text_and_dictionary",
        "same, differing and stale records on two hand-segmented texts: 2/2, 1/2 (7 tokens), 1 and 2 segmented again"),
    # --- world -------------------------------------------------------------------------------------------------
    "world.chapter_facts.facts": R(f"{WT}::test_facts_refuse_a_missing_number",
                                   "WDI row GB.XPD.RSDV.GD.ZS,CHN,2023,2.57729 quoted in the test"),
    "world.derived.derived": R(f"{RW}::test_derived_indicators_for_japan_from_the_raw_rows",
                               "Japan's WDI rows (GDP, GDP per head, PPP, growth, patents, royalties) quoted and "
                               "combined by hand"),
    "world.derived.panel": R(f"{W}::test_derived_indicators_by_hand",
                             "population, patents per million, LP relative to the US, constant-PPP GDP recomputed "
                             "by hand from WDI rows"),
    "world.derived.wide": R(f"{RW}::test_wide_pivots_one_indicator_by_hand", "a four-row toy table pivoted by hand"),
    "world.derived.value": R(f"{RW}::test_value_and_line_read_the_panel_rows",
                             "GB.XPD.RSDV.GD.ZS,KOR,2015 row and Japan's royalty rows quoted"),
    "world.derived.line": R(f"{RW}::test_value_and_line_read_the_panel_rows",
                            "Korea's years of GB.XPD.RSDV.GD.ZS in the raw CSV"),
    "world.productivity.hours_gap": R(f"{WT}::test_hours_gap_by_hand_from_pwt",
                                      "PWT 11.0 rows (emp, avh, cgdpo, rgdpna) of CHN and USA quoted, worked by hand"),
    "world.productivity.productivity_gap": R(f"{WT}::test_productivity_gap_by_hand",
                                             "SL.GDP.PCAP.EM.KD rows 2014/2024 quoted, ratios and CAGR by hand"),
    "world.productivity.pwt_levels": R(f"{RW}::test_pwt_levels_by_hand_from_pwt110",
                                       "PWT 11.0 cgdpo, emp, ctfp, rtfpna rows quoted; WDI LP rows"),
    "world.revision.digital_revision": R(f"{RW}::test_digital_revision_2022_by_hand",
                                         "cn_digital_economy_scale/share and cn_nominal_gdp 2022 rows, WDI GDP x rate"),
    "world.revision.gdp_check": R(f"{W}::test_gdp_check_flags_the_dual_exchange_rate_years",
                                  "NBS 2023 first release 1,260,582 vs revised 1,294,272 亿元, gap by hand"),
    "world.revision.oecd_reconcile": R(f"{WT}::test_oecd_reconcile_by_hand",
                                       "WDI USA/OED GDP rows 2023 quoted; US shares, re-weighting by hand; MSTI 2018"),
    "world.revision.rd_revision": R(f"{W}::test_rd_intensity_on_first_release_and_revised_gdp",
                                    "33,357.1 / 1,260,582 and / 1,294,272 worked in the comments"),
    "world.tables.compare": R(f"{WT}::test_compare_reads_wdi_rows", "wdi_selected.csv rows quoted"),
    "world.tables.coverage": R(f"{WT}::test_indicators_without_a_china_series_are_named_not_skipped",
                               "WDI has no China row for SP.POP.TECH.RD.P6 (the raw file)"),
    "world.tables.latest_table": R(f"{WT}::test_latest_table_anchors_on_china_latest_year_and_keeps_gaps_as_nan",
                                   "IT.NET.BBND.P2,CHN,2024,47.1933952081567 quoted; Japan's series ends 2023"),
    "world.tables.no_china_series": R(f"{WT}::test_indicators_without_a_china_series_are_named_not_skipped",
                                      "the raw file has no CHN row for SP.POP.TECH.RD.P6"),
    "world.tables.scatter_data": R(f"{RW}::test_scatter_data_rows_are_the_years_with_both_series",
                                   "KOR 2015 rows quoted; the years with both series from the raw CSV"),
    "world.timing.catchup": R(f"{W}::test_catchup_on_a_toy_panel {W}::test_catchup_on_wdi_rd_intensity",
                              "toy panel worked by hand (its docstring); Korea's WDI path against China's 2023 level"),
    "world.timing.catchup_all": R(f"{RW}::test_catchup_all_stacks_indicators_on_a_toy_panel",
                                  "two-indicator toy panel, reach years and lags by hand"),
    "world.timing.catchup_codes": R(f"{RW}::test_catchup_codes_follow_the_rules_recomputed_with_scipy",
                                    "rules 1-2 recomputed with scipy.stats.spearmanr on the raw WDI rows"),
    "world.timing.catchup_table": R(f"{WT}::test_catchup_table_writes_censored_without_a_length",
                                    "toy panel: 2020 - 2002 = 18 years, censored and not-yet cells by hand"),
    "world.timing.rank_corr": R(f"{WT}::test_rank_corr_hand_example", "Spearman 1 - 6·2/(5·24) = 0.9 by hand"),
    "world.timing.reach_year": R(f"{W}::test_reach_year_hand_example", "three-point series worked by hand"),
    "world.timing.scope": R(f"{RW}::test_catchup_codes_follow_the_rules_recomputed_with_scipy "
                            f"{W}::test_frozen_series_is_detected_and_left_out",
                            "rho_development against scipy.stats.spearmanr on the raw rows; WDI's repeated "
                            "NV.MNF.TECH.ZS.UN value from 2011"),
    "world.wdi.series": R(f"{RW}::test_wdi_series_and_metadata_against_the_raw_files",
                          "GB.XPD.RSDV.GD.ZS,KOR 2015/2020 rows and the row count of the raw CSV"),
    "world.wdi.wdi": R(f"{RW}::test_wdi_series_and_metadata_against_the_raw_files",
                       "the number of data lines of wdi_selected.csv"),
    "world.wdi.indicators": R(f"{RW}::test_wdi_series_and_metadata_against_the_raw_files",
                              "WDI's title in wdi_indicators.csv read with csv"),
    "world.wdi.unit": R(f"{RW}::test_wdi_series_and_metadata_against_the_raw_files",
                        "WDI's title '(% of GDP)' of GB.XPD.RSDV.GD.ZS"),
    "world.wdi.direction": R(f"{RW}::test_wdi_series_and_metadata_against_the_raw_files",
                             "lower CO2 per GDP is ahead; a total has no direction (stated in the test)"),
    # --- policy ------------------------------------------------------------------------------------------------
    "policy.counts.corpus_counts": R(f"{RP}::test_province_counts_for_beijing_by_hand",
                                     "manifest hanzi 14,291 less the 6 of the removed reprint line"),
    "policy.counts.count_longest": R(f"{P}::test_text_index_counts_each_stretch_once",
                                     "'新质生产力与新质' counts 2 by hand"),
    "policy.counts.count_terms": R(f"{P}::test_terms_are_counted_as_strings_even_when_the_segmenter_splits_them",
                                   "a hand-made sentence counted by hand"),
    "policy.counts.first_years": R(f"{P}::test_first_years_of_the_nqpf_vocabulary",
                                   "the 2024 work report is the first with 新质生产力 (grep on the files)"),
    "policy.counts.folder_term_counts": R(f"{P}::test_per_10k_chars_by_hand", "10,000 x 5 / 20 by hand"),
    "policy.counts.province_counts": R(f"{RP}::test_province_counts_for_beijing_by_hand "
                                       f"{RP}::test_province_counts_equal_grep_on_the_raw_files",
                                       "str.count on the raw provincial files; manifest hanzi"),
    "policy.counts.rate_text": R(f"{RP}::test_rate_text_by_hand", "rates and the FEW = 5 rule by hand"),
    "policy.counts.term_counts": R(f"{RP}::test_province_counts_equal_grep_on_the_raw_files",
                                   "str.count on the raw files (term_counts is province_counts' engine)",
                                   via="province_counts"),
    "policy.counts.text_index": R(f"{P}::test_text_index_by_hand", "15 hanzi, 3 hits; ln 4 by hand"),
    "policy.counts.timeline_check": R(f"{RP}::test_timeline_check_against_the_timeline_file_and_the_reports",
                                      "policy_timeline.csv and the first raw report containing each term"),
    "policy.counts.trajectories": R(f"{P}::test_trajectories_against_the_files_and_the_manifest",
                                    "2026.txt counted with str.count; manifest's 17,480 characters"),
    "policy.dispatch.bag": R(f"{P}::test_bag_partitions_follow_bytes_and_keep_every_document",
                             "ceil(7,200 / 1,000) = 8 partitions by hand"),
    "policy.contrasts.doc_token_counts": R(f"{RP}::test_token_counts_of_a_hand_made_document",
                                         "tokens of a hand-made text: user-dictionary terms, stop word 发展"),
    "policy.contrasts.dp": R(f"{P}::test_dp_by_hand", "Gries (2008) DP worked by hand"),
    "policy.contrasts.keyness": R(f"{P}::test_log_likelihood_by_hand_from_the_rayson_garside_formula",
                                "Rayson and Garside (2000) G2 = 36.6723 by hand"),
    "policy.contrasts.keyness_congress": R(f"{RP}::test_keyness_congress_counts_are_grep_counts_and_g2_is_scipys",
                                         "str.count over the raw files; scipy.stats.power_divergence"),
    "policy.contrasts.keyness_docs": R(f"{P}::test_keyness_docs_by_hand", "pooled and DP-adjusted G2 by hand"),
    "policy.contrasts.keyness_periods": R(f"{P}::test_keyness_periods_for_nqpf_by_hand",
                                        "grep -o counts 1, 2, 6 in 2024-2026; G2 with b = 0 by hand"),
    "policy.contrasts.log_likelihood": R(f"{P}::test_log_likelihood_by_hand_from_the_rayson_garside_formula",
                                       "Rayson and Garside (2000) worked by hand"),
    "policy.contrasts.log_ratio": R(f"{P}::test_log_likelihood_by_hand_from_the_rayson_garside_formula",
                                  "Hardie's Log Ratio log2(2) = 1, log2(0.5/8) = -4 by hand"),
    "policy.contrasts.segment_documents": R(f"{P}::test_bag_partitions_follow_bytes_and_keep_every_document",
                                          "12 documents of 200 × 新: 12 × the tokens of one"),
    "policy.contrasts.token_counts": R(f"{RP}::test_token_counts_of_a_hand_made_document",
                                     "two hand-made documents, token totals by hand"),
    "policy.contrasts.window_contrasts": R(f"{P}::test_window_contrasts_mark_the_changes_of_premier",
                                         "NPC records: Wen 2004-2013, Li Keqiang 2014-2023, Li Qiang 2024-"),
    "policy.reading.analysis_text": R(f"{RP}::test_analysis_text_by_hand", "a three-line text joined by hand"),
    "policy.reading.manifest": R(f"{P}::test_manifest_checks_every_file",
                                 "../shared/corpus/manifest.csv: 2026.txt's bytes and sha256 copied"),
    "policy.reading.premier": R(f"{P}::test_premiers_of_the_compared_periods", "NPC records of the premiers"),
    "policy.reading.terms": R(f"{RP}::test_terms_are_the_first_field_of_each_dictionary_line",
                              "a hand-made dictionary file; the user dictionary read line by line"),
    "policy.reading.txt_files": R(f"{RP}::test_txt_files_lists_every_txt_below_a_folder",
                                  "a hand-made folder tree"),
    "policy.talk.bootstrap_ci": R(f"{P}::test_correlation_by_hand", "a monotone sample: every draw gives rho = 1"),
    "policy.talk.correlation": R(f"{P}::test_correlation_by_hand", "Pearson r = 4 / 5 by hand; Spearman 0.8"),
    "policy.talk.leave_one_out": R(f"{P}::test_leave_one_out_by_hand", "three-point correlations by hand"),
    "policy.talk.talk_table": R(f"{RP}::test_talk_table_counts_by_hand_for_beijing_and_shanghai",
                                "grep counts and a plain longest-first scan of the raw files; manifest hanzi"),
    "policy.talk.talk_variants": R(f"{P}::test_talk_vs_index_against_scipy_and_pandas",
                                   "scipy.stats.pearsonr and pandas' leave-one-out correlations"),
    "policy.talk.talk_vs_index": R(f"{P}::test_talk_vs_index_against_scipy_and_pandas",
                                   "scipy.stats.spearmanr and pandas Series.corr"),
    # --- provinces ---------------------------------------------------------------------------------------------
    "provinces.clean.clean": R(f"{PV}::test_national_check_on_a_hand_example", "31 hand-made rows and a total"),
    "provinces.clean.misreadings_found": R(f"{RPV}::test_misreadings_found_lists_each_misread_name_with_its_lines",
                                           "the raw CSV read with pandas: rows and first line of 内蒙占"),
    "provinces.clean.national_check": R(f"{PV}::test_national_check_on_a_hand_example",
                                        "31 x 1 against 30: rel_diff 100/30 by hand"),
    "provinces.clean.standard_name": R(f"{PV}::test_each_misreading_maps_to_its_unit {PV}::test_padded_names",
                                       "the misreadings read off the yearbook scans (clean.MISREADINGS comments)"),
    "provinces.facts.signed": R(f"{PR}::test_facts_are_printed_values {RPV}::test_prose_helpers_by_hand",
                                "'−0.5' with a true minus sign, by hand"),
    "provinces.facts.slope_text": R(f"{RPV}::test_prose_helpers_by_hand", "a slope row written out by hand"),
    "provinces.facts.names": R(f"{RPV}::test_prose_helpers_by_hand", "names joined with 、 by hand"),
    "provinces.facts.rd": R(f"{RPV}::test_rd_facts_against_the_2024_bulletin",
                            "《2024年全国科技经费投入统计公报》附表2: 北京 6.58 %, the top"),
    "provinces.facts.data": R(f"{RPV}::test_data_facts_against_the_raw_file",
                              "rows, tables and national rows of techme_provincial_long.csv counted with pandas"),
    "provinces.gaps.convergence": R(f"{PG}::test_absolute_beta_matches_ols_with_hc1_errors_computed_by_hand",
                                    "OLS and HC1 (MacKinnon and White 1985) computed with NumPy in the test"),
    "provinces.gaps.inequality": R(f"{PG}::test_gini_on_real_scores_matches_the_sorted_formula "
                                   f"{PG}::test_theil_of_one_year_recomputed_from_the_raw_scores "
                                   f"{PG}::test_a_zero_score_keeps_the_theil_columns",
                                   "Damgaard-Weiner sorted Gini; Theil (1967) recomputed; ln(31/30) by hand"),
    "provinces.gaps.path_trend": R(f"{RPV}::test_trend_by_method_baseline_row_by_hand",
                                   "NumPy polyfit slope of the sorted-formula Gini path", via="trend_by_method"),
    "provinces.gaps.region_means": R(f"{RPV}::test_region_means_use_the_nbs_regions",
                                     "NBS four-region division typed in the test"),
    "provinces.gaps.trend_by_method": R(f"{RPV}::test_trend_by_method_baseline_row_by_hand",
                                        "sorted-formula Gini, NumPy polyfit, population CV by hand"),
    "provinces.gaps.without": R(f"{RPV}::test_without_names_the_excluded", "the tags written out by hand"),
    "provinces.inputs.gdp": R(f"{PV}::test_gdp_is_rd_over_intensity_and_labelled_derived",
                              "Beijing 2023: R&D expenditure / intensity x 100 by hand"),
    "provinces.inputs.imputed": R(
        f"{PV}::test_interpolated_cells_are_the_geometric_mean_of_their_neighbours_and_flagged",
                                  "Jiangsu 2017: sqrt(2016 x 2018) / GDP by hand"),
    "provinces.inputs.indicators": R(
        f"{PV}::test_interpolated_cells_are_the_geometric_mean_of_their_neighbours_and_flagged",
                                     "Jiangsu 2017 high-tech revenue share by hand"),
    "provinces.inputs.misreadings": R(f"{PV}::test_each_misreading_fills_the_hole_of_its_province",
                                      "each misread name fills its province's hole: 31 units per table-year"),
    "provinces.inputs.system": R(f"{RPV}::test_system_table_lists_each_indicator_once",
                                 "MarketPull has no 2011 rows in the raw file: the year is interpolated"),
    "provinces.inputs.tech_market_growth": R(f"{RPV}::test_tech_market_growth_from_the_raw_file",
                                             "31 provinces' 金额 summed from the raw CSV; GDP = R&D / intensity"),
    "provinces.method.aggregate": R(f"{PV}::test_topsis_and_weighted_sum_hand_example "
                                    f"{PV}::test_a_negative_weight_penalises_its_indicator",
                                    "TOPSIS closeness and weighted sums worked by hand"),
    "provinces.method.minmax": R(f"{PV}::test_minmax_whole_panel_and_per_year", "four values scaled by hand"),
    "provinces.method.pca_explained": R(f"{PV}::test_pca_weights_hand_example_and_eigenvector",
                                        "eigenvalue (3 + 1.969772)/2 of a 3 x 3 correlation matrix by hand"),
    "provinces.method.rank_desc": R(f"{RPV}::test_rank_desc_hand_example", "ties share the better rank, by hand"),
    "provinces.method.weights": R(f"{PV}::test_entropy_weights_hand_example {PV}::test_critic_weights_hand_example "
                                  f"{PV}::test_pca_weights_hand_example_and_eigenvector",
                                  "entropy, CRITIC and PCA weights worked by hand; scikit-learn's PCA"),
    "provinces.montecarlo.draw_ranks": R(f"{PM}::test_flat_dirichlet_rank_shares_by_hand "
                                         f"{PM}::test_topsis_draw_agrees_with_pymcdm",
                                         "Dirichlet(1, 1) shares .2/.4/.4 by hand; pymcdm's TOPSIS"),
    "provinces.ranking.combos": R(f"{RPV}::test_combos_are_four_weightings_by_two_aggregations",
                                  "the eight methods listed by hand"),
    "provinces.ranking.index": R(f"{RPV}::test_index_weighted_sum_by_hand",
                                 "Σ w·x over the normalised indicators, negative weights on 1 − x, by hand"),
    "provinces.ranking.method_share": R(f"{RPV}::test_method_share_hand_example", "sums of squares 1 / 4 by hand"),
    "provinces.ranking.rank_matrix": R(f"{RPV}::test_scores_and_rank_matrix_rank_each_method_by_its_score",
                                       "rank = 1 + number of higher scores, counted in the test"),
    "provinces.ranking.scores": R(f"{RPV}::test_scores_and_rank_matrix_rank_each_method_by_its_score",
                                  "31 x 8 rows; ranks recounted in the test"),
    "provinces.ranking.weight_sources": R(f"{PM}::test_weight_sources_on_a_hand_example",
                                          "between-year sum of squares .64 / .68 by hand"),
    "provinces.rd2024.comparison": R(f"{PR}::test_beijing_and_tianjin_as_published",
                                     "《2024年全国科技经费投入统计公报》附表2 and the 2023 bulletin's table"),
    "provinces.regional.beta": R(f"{PV}::test_beta_recovers_an_exact_relation", "an exact planted relation"),
    "provinces.regional.cv": R(f"{PV}::test_cv", "a hand example"),
    "provinces.regional.dagum": R(f"{PV}::test_dagum_hand_example {PG}::test_gini_of_a_small_vector_by_hand",
                                  "Dagum (1997) decomposition of (1, 3 | 2, 6) by hand; G = .25 of (1, 2, 3, 4)"),
    "provinces.regional.ar1_interval": R("test_provinces_serial.py::test_ar1_interval_by_hand",
                                         "ρ = 1/6, n_eff = 30/7 and the widened interval of a hand example"),
    "provinces.regional.hinge": R(f"{PG}::test_hinge_finds_a_planted_break", "a planted break"),
    "provinces.regional.power": R(f"{PG}::test_power_of_a_z_test_by_hand", "Φ(0) + Φ(−3.92) by hand"),
    "provinces.regional.slope": R(f"{PG}::test_slope_interval_uses_the_t_table", "t(.975, 2) = 4.303 (t table)"),
    "provinces.regional.step_slope": R(f"{RPV}::test_step_slope_against_statsmodels",
                                       "statsmodels OLS on the year and a step dummy: slope, se, interval, shift"),
    "provinces.inputs.national_growth": R(f"{RPV}::test_national_growth_and_gdp_break_by_hand",
                                          "WDI GDP in dollars x official rate, 2019 over 2018, from the raw CSV"),
    "provinces.inputs.gdp_break": R(f"{RPV}::test_national_growth_and_gdp_break_by_hand",
                                    "Beijing's R&D expenditure / intensity 2018 and 2019 from the raw CSV"),
    "provinces.ranking.normalised": R(f"{RPV}::test_normalised_is_min_max_by_hand",
                                      "min-max over the panel recomputed with pandas, with and without Beijing"),
    "provinces.ranking.robustness": R(f"{RPV}::test_robustness_pairs_and_ranges_by_pandas",
                                      "pandas' Spearman and Kendall; best and worst ranks of the rank matrix"),
    "provinces.regional.theil": R(f"{PV}::test_theil_hand_example", "Theil T = .187445 by hand"),
    # --- claims, corpus, cleaning, text frequencies, R&D bulletin -----------------------------------------------
    "claims.evaluate.evaluate": R("test_claims.py::test_evaluation_counts_misses_and_spurious_claims",
                                  "a fixture with one right, one missed and one unlabelled claim, counted by hand"),
    "claims.evaluate.evaluate_corpus": R("test_claims_policy.py::test_policy_heldout_set_meets_precision_and_recall",
                                         "hand-labelled held-out lines of the policy corpus"),
    "claims.evaluate.wilson": R("test_claims.py::test_score_and_wilson_interval_by_hand",
                                "Wilson interval for 12 of 12: 0.7575 by hand"),
    "claims.extract.extract": R("test_claims.py::test_figures_as_written", "seed lines read by hand"),
    "claims.extract.extract_text": R("test_claims_policy.py::test_extract_text_cites_file_lines",
                                     "1113万人 on line 3 of a hand-made file"),
    "cleaning.clean": R("test_cleaning.py::test_wikisource_footer_is_removed_from_the_end "
                        "test_cleaning.py::test_reprint_line_at_the_start_is_removed",
                        "hand-made texts: the footer starts on line 6"),
    "cleaning.traditional_found": R("test_cleaning.py::test_character_counts_by_hand_and_against_a_per_character_scan",
                                    "characters counted by hand and by a per-character scan"),
    "cleaning.traditional_share": R("test_cleaning.py::test_character_counts_by_hand_and_against_a_per_character_scan",
                                    "characters counted by hand and by a per-character scan"),
    "corpus.cooccurrence": R("test_corpus.py::test_cooccurrence_counts_sentences",
                             "three sentences counted by hand"),
    "corpus.document": R("test_corpus.py::test_broken_line_in_seed_003_is_joined_and_cited_by_original_lines",
                         "seed 003 lines 519 and 521 read by hand"),
    "corpus.keywords": R("test_corpus.py::test_keywords_leave_out_terms_every_document_uses",
                         "a term every document uses, chosen by hand"),
    "corpus.terms_by_unit": R("test_digital.py::test_sentences_span_broken_lines_and_carry_line_numbers",
                              "the sentence of seed lines 567-569 read by hand"),
    "corpus.theme_coverage": R("test_corpus.py::test_theme_coverage_is_per_thousand_content_tokens",
                               "per thousand content tokens, counted in the test"),
    "corpus.units_containing": R("test_corpus.py::test_cooccurrence_counts_sentences", "three sentences by hand"),
    "rd_bulletin.industries": R("test_rd_bulletin.py::test_industries_table",
                                "bulletin lines 192-283: 采矿业 541.9 = the sum of its parts"),
    "rd_bulletin.national": R("test_rd_bulletin.py::test_national_figures_as_printed",
                              "bulletin line 48 and footnote line 1350 quoted"),
    "rd_bulletin.provinces": R("test_rd_bulletin.py::test_provinces_table", "bulletin lines 807-819 and 1236-1244"),
    "rd_bulletin.value": R("test_rd_bulletin.py::test_national_figures_as_printed", "bulletin line 48"),
    "textfreq.frequencies": R("test_textfreq.py::test_counts_and_documents_by_hand",
                              "three occurrences in two hand-made files"),
    "concept_facts.first_mention": R("test_ref_concept.py::test_first_mention_and_the_events_around_it",
        "policy_timeline.csv: first_mention 2023-09-07"),
    "concept_facts.events_before": R("test_ref_concept.py::test_first_mention_and_the_events_around_it",
        "timeline rows dated before 2023-09-07 in the raw file"),
    "concept_facts.events_after": R("test_ref_concept.py::test_first_mention_and_the_events_around_it",
        "the other timeline rows of the raw file"),
    "concept_facts.timeline_zoom": R("test_ref_concept.py::test_first_mention_and_the_events_around_it",
        "nqpf and commentary rows of the raw file"),
    "concept_facts.timeline_lanes": R("test_ref_concept.py::test_timeline_lanes_are_the_categories_with_events",
        "categories present in the raw file"),
    "concept_facts.factor_grid": R("test_ref_concept.py::test_factor_grid_and_xin_zhi_table_from_the_structure_file",
        "concept_structure.csv read with csv"),
    "concept_facts.xin_zhi_table": R("test_ref_concept.py::test_factor_grid_and_xin_zhi_table_from_the_structure_file",
        "concept_structure.csv read with csv"),
    "concept_facts.rd_chart_table": R("test_ref_concept.py::test_rd_chart_table_from_the_bulletin_files",
        "cn_rd_expenditure/intensity.csv: 33,357.1 and 2.65 % (2023), 1.98 % (2012)"),
    "concept.quote_found": R("test_ref_concept.py::test_quote_found_in_the_seed_lines",
        "seed 001 line 97 read by eye"),
    "concept.timeline_checks": R("test_ref_concept.py::test_timeline_checks_against_the_written_dates",
        "'2023年9月7日' and '2024.3.5' parsed by hand"),
    "claims.extract.counts": R("test_ref_claims_corpus.py::test_counts_are_the_ledgers_rows_by_seed_and_kind",
        "data/derived/claims.csv counted with csv"),
    "claims.extract.ledger": R("test_ref_claims_corpus.py::test_ledger_is_the_published_file",
        "data/derived/claims.csv line 2 quoted"),
    "claims.evaluate.score": R("test_ref_claims_corpus.py::test_score_counts_a_claim_stated_twice_as_two_by_hand",
        "precision, recall by hand; statsmodels Wilson interval"),
    "corpus.summary": R("test_ref_claims_corpus.py::test_corpus_summary_lines_and_characters_from_the_seed_files",
        "the seed files' lines counted with splitlines"),
    "corpus.themes": R("test_ref_claims_corpus.py::test_themes_are_the_lexicon_file",
        "data/lexicon/themes.csv read with csv"),
    "textfreq.count_document": R("test_ref_claims_corpus.py::test_count_document_by_hand",
        "a hand-made file: 新质生产力 twice, digits and 5G dropped"),
    "textfreq.rows": R("test_ref_claims_corpus.py::test_rows_order_by_count_then_term",
        "four terms ordered by hand"),
    "factcheck.across.stated_year": R("test_ref_factcheck.py::test_stated_year_by_hand",
        "'2023年的13%以上' states 2023; '13%以上' none"),
    "factcheck.arithmetic.single_ends": R("test_ref_factcheck.py::test_single_ends_by_hand",
        "56.05 / 126 = 44.48 % and 56.1 / 126.5 = 44.35 % by hand"),
    "factcheck.arithmetic.growth_gap_2013_2019": R(
        "test_ref_factcheck.py::test_growth_gap_2013_2019_from_seed_000_line_12",
        "seed 000 line 12: 7.0 − (4.4 + 0 + 0.5 + 2.0)"),
    "factcheck.plausibility.genai_figures": R("test_ref_factcheck.py::test_genai_figures_from_the_seed_lines",
        "seed 000:34 and 001:97 read; 144,000 / 5,784"),
    "factcheck.counts": R("test_ref_factcheck.py::test_verdict_counts_and_summary_on_hand_made_rows",
        "five hand-made rows counted by hand"),
    "factcheck.summary": R("test_ref_factcheck.py::test_verdict_counts_and_summary_on_hand_made_rows",
        "five hand-made rows tabulated by hand"),
    "factcheck.facts": R("test_ref_factcheck.py::test_appendix_facts_by_hand",
        "24.9 printed as 25, 0.1, 44.52 % as 45 by hand"),
    "provinces.facts.general": R("test_ref_provinces.py::test_general_facts_are_the_panel_years",
        "the years of RDIntense in the raw CSV"),
    "provinces.facts.ranks": R("test_ref_provinces.py::test_ranks_and_changes_from_the_index_by_hand",
        "the baseline index recomputed by hand (min-max, Σ w z)"),
    "provinces.facts.changes": R("test_ref_provinces.py::test_ranks_and_changes_from_the_index_by_hand",
        "ranks 2011 and 2023 of the hand-computed index"),
    "provinces.facts.regions": R("test_ref_provinces.py::test_regions_facts_by_hand",
        "sorted-formula Gini and NBS region means of the hand index"),
    "provinces.facts.robust": R("test_ref_provinces.py::test_robust_facts_by_hand",
        "pandas Spearman over the 28 method pairs; fixed ranks counted"),
    "provinces.facts.weights": R(
        "test_ref_provinces.py::test_weights_facts_from_the_raw_file",
        "RDSource 企业资金 ÷ 合计 and Beijing's MarketPush over GDP from the raw CSV"),
    "provinces.montecarlo.rank_percentiles": R(
        "test_ref_provinces.py::test_rank_percentiles_are_order_statistics_of_the_draws",
        "the 10th, 100th and 190th of 200 sorted draws"),
    "findings.provinces.findings": R(
        "test_ref_provinces.py::test_provinces_findings_by_hand",
        "hand-computed index; sums of squares with NumPy"),
    "findings.policy.findings": R(
        "test_ref_policy.py::test_policy_findings_against_scipy_and_grep",
        "grep counts 1, 2, 6 of 新质生产力; SciPy's point estimates"),
    "factcheck.engine.claim": R(
        "test_ref_factcheck.py::test_claim_reads_the_figure_as_written",
        "seed 000 line 12 read by eye"),
    "digital.panel": R(
        "test_digital.py::test_share_recomputed_from_scale_and_gdp",
        "539,000 / 1,294,272 and / 1,260,582 by hand; 50.2 / 45.5"),
    "digital.series": R(
        "test_digital.py::test_growth_over_a_span_rejects_missing_years",
        "22.6 (2016) and 53.9 (2023) rows: (53.9 / 22.6) ** (1/7)"),
    "digital.compute_facts": R(
        "test_digital.py::test_compute_paths_and_facts",
        "1.3 ** 5 = 3.71293; 2000 / 590 (seed 003)"),
    "digital.compute_paths": R(
        "test_digital.py::test_compute_paths_and_facts",
        "1.3 ** 5 and 1.4 ** 2 by hand"),
    "digital.cooccurrence_places": R(
        "test_digital.py::test_cooccurrence_counts",
        "seed 003 line 574 (一是决策革命) read by hand"),
    "outcomes.latest": R(
        "test_outcomes.py::test_figure_picks_by_period_not_first_match",
        "'超过1590 EFLOPS' at end-2025 (the source row)"),
    "outcomes.table": R(
        "test_outcomes.py::test_every_figure_is_in_its_quote",
        "each value found in the sentence it was read from"),
    "industries.sources.last_official_year": R(
        "test_industries.py::test_official_share_missing_year_is_a_data_error",
        "no official SEI share after 2022 (cn_sei_share_gdp.csv)"),
    "industries.sources.mentions": R(
        "test_industries.py::test_fyp14_list_matches_the_plan_text_in_seed_000",
        "seed 000 line 40 split on 、 in the test"),
    "tfp.facts": R(
        "test_tfp.py::test_chapter_facts_match_hand_computations_from_the_pwt_csv",
        "China's PWT 11.0 rows copied by hand; log growth by hand"),
    "tfp.chapter_facts.facts": R(
        "test_tfp.py::test_chapter_facts_match_hand_computations_from_the_pwt_csv",
        "China's PWT 11.0 rows copied by hand"),
    "digital.seed_value": R(
        "test_digital.py::test_hub_nodes_match_the_seed",
        "seed 000 line 36: eight hub nodes listed, ten data-centre clusters (read in the test)"),
    "provinces.gaps.break_summary": R(
        "test_ref_provinces.py::test_break_summary_and_census_break_facts_by_hand",
        "derived GDP 2018/2019 from the raw CSV; WDI national growth; sorted-formula Gini"),
    "provinces.facts.census_break": R(
        "test_ref_provinces.py::test_break_summary_and_census_break_facts_by_hand",
        "as above; Beijing's score over the others' mean from the hand index"),
    "provinces.gaps.break_trends": R(
        "test_ref_provinces.py::test_break_trends_published_and_before_by_numpy",
        "NumPy polyfit of the sorted-formula Gini path, 2011-2023 and 2011-2018"),
    "provinces.rd2024.summary": R(
        "test_ref_provinces.py::test_rd_facts_against_the_2024_bulletin",
        "through facts.rd: 北京 6.58 % (2024) and 6.73 → 6.22 % (2023 restated), 2024 bulletin 附表2",
        via="facts.rd"),
    "provinces.ranking.weights": R(
        "test_ref_provinces.py::test_panel_weights_by_the_entropy_and_critic_formulas",
        "entropy (Shannon) and CRITIC (Diakoulaki et al. 1995) weights computed with NumPy in the test"),
    "provinces.inputs.checks": R(
        "test_ref_provinces.py::test_national_checks_of_rd_expenditure_by_hand",
        "2023 R&D: the 31 provinces summed from the raw CSV against the national 33,357.1"),
    "corpus.frequencies": R(
        "test_ref_claims_corpus.py::test_term_counts_equal_str_count_on_the_seed_files",
        "str.count of 新质生产力 and 全要素生产率 on the seed files (whole user-dictionary terms)"),
    "corpus.tokens": R(
        "test_ref_claims_corpus.py::test_term_counts_equal_str_count_on_the_seed_files",
        "str.count on the seed files, as above"),
    "corpus.theme_counts": R(
        "test_ref_claims_corpus.py::test_term_counts_equal_str_count_on_the_seed_files",
        "全要素生产率 counted with str.count on the seed files"),
    "concept.structure": R(
        "test_ref_concept.py::test_structure_sections_have_the_files_rows",
        "rows per section of concept_structure.csv counted with csv"),
    "provinces.ranking.leave_one_out": R(
        "test_ref_provinces.py::test_leave_one_out_by_hand",
        "the index without one indicator recomputed with NumPy (entropy formula); pandas' Spearman"),
    "provinces.ranking.normalisation_effect": R(
        "test_ref_provinces.py::test_normalisation_effect_panel_columns_by_hand",
        "mean and maximum of the hand-computed panel-scaled scores"),
    "provinces.montecarlo.variants": R(
        "test_ref_provinces.py::test_variants_share_first_counted_from_the_draws",
        "draws with Beijing first counted; the 100th of 200 sorted ranks"),
    # --- concept, fact check, findings ---------------------------------------------------------------------------
    "concept.facts": R("test_concept.py::test_chapter_facts_match_hand_computations",
                       "cn_rd_expenditure.csv 2012 10298.4, 2023 33357.1 quoted; growth by hand"),
    "concept.item_counts": R("test_concept.py::test_appendix_two_numbers_match_the_items_listed",
                             "1+1+2+3+3+3+3+4+5 read off the table by hand"),
    "concept.parse_written_date": R("test_concept.py::test_written_dates_parse_at_their_precision",
                                    "dates as written in the seeds, parsed by hand"),
    "concept.rd_growth": R("test_rd.py::test_rd_growth_uses_the_period_convention",
                           "growth years 2013-2023 from the 2012 level by hand"),
    "concept.rd_table": R("test_rd.py::test_rd_table_joins_both_files_with_flags",
                          "the 2024 communiqué line 48 (nbs_2024_rd_bulletin.txt)"),
    "concept.timeline": R("test_concept.py::test_days_from_first_mention_to_the_work_report",
                          "2023-09-07 to 2024-03-05: 180 days counted by hand"),
    "factcheck.across.definition_differences": R("test_factcheck.py::test_across_seeds",
                                                 "seed 002:15 and 004:11 definitions compared by hand"),
    "factcheck.across.check_definition": R("test_factcheck.py::test_across_seeds", "the definitions read by hand",
                                           via="definition_across"),
    "factcheck.across.check_dates": R("test_factcheck.py::test_across_seeds", "the dates read in each seed",
                                      via="dates_first_mention"),
    "factcheck.across.check_sei_share_2023": R("test_factcheck.py::test_across_seeds",
                                               "003:745 gives no year (read by hand)", via="sei_share_across"),
    "factcheck.across.check_sei_target_2025": R("test_factcheck.py::test_across_seeds",
                                                "the seeds' 2025 targets read by hand", via="sei_target_across"),
    "factcheck.arithmetic.check_growth_1978_2012": R("test_factcheck.py::test_internal_arithmetic_as_computed_by_hand",
                                                     "4.1 + 1.1 + 1.0 + 3.7 = 9.9", via="growth_1978_2012"),
    "factcheck.arithmetic.check_growth_2013_2019": R("test_factcheck.py::test_internal_arithmetic_as_computed_by_hand",
                                                     "6.9 against 7.0: within rounding", via="growth_2013_2019"),
    "factcheck.arithmetic.check_pboc_shares": R("test_factcheck.py::test_internal_arithmetic_as_computed_by_hand",
                                                "36.6 + 44.1 + 19.4 = 100.1", via="pboc_shares"),
    "factcheck.arithmetic.check_digital_share": R("test_factcheck.py::test_internal_arithmetic_as_computed_by_hand",
                                                  "56.1 / 126 = 44.52 %", via="digital_share"),
    "factcheck.arithmetic.check_basic_research_share": R(
        "test_factcheck.py::test_internal_arithmetic_as_computed_by_hand", "2212 / 33278 = 6.647 %",
        via="basic_research_share"),
    "factcheck.arithmetic.check_rd_implied_gdp": R("test_factcheck.py::test_internal_arithmetic_as_computed_by_hand",
                                                   "33278 / 0.0264 = 126.05 万亿", via="rd_implied_gdp"),
    "factcheck.arithmetic.check_sei_doubling": R("test_factcheck.py::test_internal_arithmetic_as_computed_by_hand",
                                                 "13 / 7.6 = 1.71", via="sei_doubling"),
    "factcheck.arithmetic.digital_share_figures": R(
        "test_factcheck.py::test_digital_share_needs_only_one_input_at_its_end",
                                                    "56.05 / 126 and 56.1 / 126.5 by hand"),
    "factcheck.counts.check_eight_sei_002": R("test_factcheck.py::test_stated_counts",
                                              "seed 002 lists i.-vii. (lines 38-52, read by hand)",
                                              via="eight_sei_002"),
    "factcheck.counts.check_nine_future_002": R("test_factcheck.py::test_stated_counts", "items counted by hand",
                                                via="nine_future_002"),
    "factcheck.counts.check_eight_sectors_000": R("test_factcheck.py::test_stated_counts", "items counted by hand",
                                                  via="eight_sectors_000"),
    "factcheck.counts.check_ten_plus_002": R("test_factcheck.py::test_stated_counts", "eleven fields counted by hand",
                                             via="ten_plus_002"),
    "factcheck.engine.sum_range": R("test_ref_factcheck.py::test_sum_range_by_hand", "9.9 ± 4 × 0.05 by hand"),
    "factcheck.engine.ratio_range": R("test_ref_factcheck.py::test_ratio_range_by_hand",
                                      "56.1 / 126, 56.05 / 126.5, 56.15 / 125.5 by hand"),
    "factcheck.engine.combine": R("test_ref_factcheck.py::test_combine_keeps_the_worst_verdict",
                                  "the worst verdict, listed by hand"),
    "factcheck.engine.part_of_whole": R("test_ref_factcheck.py::test_part_of_whole_by_hand",
                                        "144,000 / 5,784 = 24.9 and 3,800 / 5,784 = 0.66 by hand"),
    "factcheck.outside.check_rd_growth": R("test_ref_factcheck.py::test_rd_growth_against_the_2022_bulletin",
                                           "33,278 / 30,782.9 − 1 = 8.11 % (2022 bulletin, cn_rd_expenditure.csv)",
                                           via="rd_growth"),
    "factcheck.across.check_ai_core_repeat": R("test_ref_factcheck.py::test_ai_core_repeat_reads_the_same_figure_twice",
                                               "seed 001 lines 97 and 117 read in the test", via="ai_core_repeat"),
    "factcheck.across.check_compute_rank": R("test_ref_factcheck.py::test_compute_rank_across_seeds",
                                             "seed 000:36 and 003:519-521 read in the test",
                                             via="compute_rank_across"),
    "factcheck.counts.check_hub_nodes": R("test_ref_factcheck.py::test_hub_nodes_are_eight_as_stated",
                                          "the eight hubs of seed 000:36 split on 、 in the test", via="hub_nodes"),
    "factcheck.outside.check_hub_data": R("test_ref_factcheck.py::test_hub_nodes_are_eight_as_stated",
                                          "the NDRC approval of February 2022: eight hub nodes",
                                          via="hub_nodes_data"),
    "factcheck.counts.check_appendix_two": R("test_ref_factcheck.py::test_appendix_two_counts_by_hand",
                                             "items of each row of seed 004's appendix two, counted by hand",
                                             via="appendix_two_counts"),
    "factcheck.engine.judge": R("test_factcheck.py::test_rounding_rules_by_hand", "4.4 + 0 + 0.5 + 2.0 = 6.9 vs 7.0"),
    "factcheck.engine.nearest_multiple": R("test_factcheck.py::test_nearly_doubled_rule",
                                           "13 / 7.6 = 1.71, 10 / 7.6, 20 / 7.6 by hand"),
    "factcheck.engine.round_half_up": R("test_factcheck.py::test_rounding_rules_by_hand", "rounding by hand"),
    "factcheck.outside.check_caict_scale": R("test_factcheck.py::test_caict_set_to_the_seeds_value_agrees",
                                             "56.1 vs CAICT 53.9; at 56.1 and 56.14 it agrees", via="caict_scale"),
    "factcheck.outside.check_caict_share": R("test_factcheck.py::test_caict_share_follows_the_data",
                                             "42.8 rounds to 43, 43.6 to 44", via="caict_share"),
    "factcheck.outside.check_nbs_gdp": R("test_factcheck.py::test_nbs_gdp_combines_both_figures",
                                         "1,260,582 亿元 = 126.06 万亿; 5.2 % real growth", via="nbs_gdp_2023"),
    "factcheck.outside.check_rd_total": R("test_factcheck.py::test_rd_total_against_both_vintages",
                                          "33,278 preliminary and 33,357.1 final (NBS communiqués)", via="rd_final"),
    "factcheck.outside.check_pwt_tfp": R("test_factcheck.py::test_editorial_judgement_is_data",
                                         "PWT 4.30/1.01/0.73/3.88 vs the seed's 4.1/1.1/1.0/3.7",
                                         via="pwt_tfp_1978_2012"),
    "factcheck.outside.check_pwt_growth": R("test_tfp.py::test_fact_check_of_2013_2019_agrees_with_base_2012",
                                            "PWT rgdpna 2012 -> 2019: 6.96 % vs the seed's 7.0",
                                            via="pwt_growth_2013_2019"),
    "factcheck.outside.check_drones_2022": R(
        "test_one_verdict.py::test_drone_base_is_a_fact_check_not_a_chapter_verdict",
                                             "126.7 / 1.322 = 95.84 vs CAAC's 95.8", via="drones_2022_base"),
    "factcheck.plausibility.check_genai_market": R("test_factcheck.py::test_genai_plausibility_follows_the_ratio",
                                                   "14.4 万亿 = 24.9 x 5,784 亿; 0.4 万亿 = 0.69 x",
                                                   via="genai_market"),
    "factcheck.plausibility.check_shanghai_ai": R(
        "test_factcheck.py::test_shanghai_different_measures_unless_larger_than_the_nation",
        "3,800 / 5,784 = 66 %; 6,000 / 5,784 = 104 %", via="shanghai_ai"),
    "factcheck.verdict": R("test_factcheck.py::test_outside_data_and_plausibility",
                           "NBS preliminary 33,278 vs final 33,357.1 (communiqué of 29 Feb 2024)"),
    "findings.holds": R("test_findings.py::test_boundaries_and_missing_values", "rule boundaries by hand"),
    "findings.get": R(f"{WT}::test_rd_findings_by_hand", "WDI R&D rows quoted; gaps per year by hand"),
    "findings.world.findings": R(f"{WT}::test_rd_findings_by_hand {WT}::test_inputs_ahead_of_efficiency_by_hand",
                                 "WDI R&D rows and PWT ctfp 0.470938355 quoted", via="world-"),
    "findings.digital.findings": R("test_digital.py::test_findings_by_hand",
                                   "(53.9 / 22.6) ** (1/7) and (10.5 / 9.95) ** (1/2) by hand"),
    "findings.digital.growth_specs": R("test_digital.py::test_findings_by_hand", "CAICT and NBS figures by hand"),
    "findings.tfp.findings": R(f"{TR}::test_japan_korea_with_and_without_human_capital_by_hand",
                               "PWT 11.0 rows of JPN and KOR 2012/2023 quoted, with and without hc",
                               via='register("tfp")'),
    "findings.tfp.shared_parts": R(f"{TR}::test_shared_parts_by_hand "
                                   f"{TR}::test_the_sentence_names_what_the_holding_specifications_share",
                                   "a six-name toy worked by hand; the six holding names read off the grid"),
    "findings.register": R("test_tfp.py::test_tfp_findings_are_decided_over_every_specification",
                           "PWT ctfp 0.470938355 (China 2023) from the CSV"),
    # --- digital, outcomes, industries, tfp: owned by other helpers; registered where a test names its reference --
    "digital.compare_2023": R("test_digital.py::test_the_two_2023_figures_side_by_side",
                              "CAICT 53.9 and NBS figures of 2023 side by side"),
    "digital.components": R("test_digital.py::test_caict_components_add_up_to_the_scale",
                            "CAICT's components add up to its scale"),
    "digital.required_core_growth": R("test_digital.py::test_required_core_growth_hand_examples",
                                      "1.06 x (10 / 7.8) ** 0.2 - 1 = 11.40 % by hand"),
    "digital.target_scenarios": R("test_digital.py::test_target_scenarios_and_progress",
                                  "(1,401,879 / 1,294,272) ** 0.5 - 1 = 4.07 % by hand"),
    "digital.target_progress": R("test_digital.py::test_target_scenarios_and_progress", "by hand, as above"),
    "digital.seeds_growth": R("test_digital.py::test_seeds_numbers_against_gdp", "56.1 / standard 2023 GDP = 43.3 %"),
    "digital.yoy": R("test_digital.py::test_yoy_leaves_gaps_empty", "a year-on-year change by hand"),
    "digital.hubs": R("test_digital.py::test_hub_nodes_match_the_seed", "the seed's list of eight hubs, in order"),
    "digital.hub_counts": R("test_digital.py::test_hub_nodes_match_the_seed", "the seed's eight hubs"),
    "digital.cooccurrence": R("test_digital.py::test_cooccurrence_counts",
                              "seed 003 sentences naming all three terms"),
    "digital.gdp_as_published": R("test_digital.py::test_gdp_is_the_standard_latest_vintage_series",
                                  "first release 1,260,582 亿元 (NBS)"),
    "outcomes.score": R("test_outcomes.py::test_scores_by_hand", "7.08 % vs 8 %; (39,200 / 24,393.1) ** (1/5) - 1"),
    "outcomes.satisfies": R("test_outcomes.py::test_comparators", "17 > 17 is false, 17 >= 17 true, by hand"),
    "outcomes.figure": R("test_outcomes.py::test_figure_picks_by_period_not_first_match",
                         "end-2025 '超过1590 EFLOPS' vs June's 788 (rows of the source)"),
    "outcomes.realised_gdp_growth": R("test_outcomes.py::test_realised_gdp_growth_by_hand",
                                      "1348066 / 1294272 - 1 = 4.16 % by hand"),
    "outcomes.rd_final": R("test_outcomes.py::test_rd_final_is_the_communique",
                           "nbs_2024_rd_bulletin.txt lines 48, 52 and 1350"),
    "outcomes.fyp15_requirements": R("test_outcomes.py::test_fyp15_requirements_by_hand",
                                     "1.05 x (12.5 / 10.5) ** (1/5) - 1 = 8.73 % by hand"),
    "industries.sei.required_growth": R("test_industries.py::test_required_growth_hand_computed",
                                        "1.05 x sqrt(17/13) - 1 by hand"),
    "industries.sei.historical_pace": R("test_industries.py::test_historical_pace_from_the_standard_gdp",
                                        "the standard GDP series by hand"),
    "industries.sei.extrapolate": R("test_industries.py::test_extrapolation_and_breakeven", "by hand"),
    "industries.sei.breakeven_gdp_growth": R("test_industries.py::test_extrapolation_and_breakeven", "by hand"),
    "industries.sei.doubling_check": R("test_industries.py::test_nearly_doubled_check", "13 / 7.6 by hand"),
    "industries.sei.target_specifications": R("test_industries.py::test_target_specifications_by_hand",
                                              "(GDP2025 / GDP2023) ** (1/2) - 1 from WDI rows by hand"),
    "industries.sei.scenarios": R("test_industries.py::test_scenarios_include_the_2023_outturn",
                                  "nominal growth of 2023 on one vintage, by hand"),
    "industries.taxonomy.list_counts": R("test_industries.py::test_seed_002_promises_eight_and_lists_seven",
                                         "roman-numbered items of seed 002 counted in the test"),
    "industries.taxonomy.missing_from": R("test_industries.py::test_seed_002_promises_eight_and_lists_seven",
                                          "seed 002's list read by hand"),
    "industries.taxonomy.membership": R("test_industries.py::test_membership_counts_against_a_hand_made_table",
                                        "a hand-made membership table"),
    "industries.taxonomy.disagreements": R(
        "test_industries.py::test_biomanufacturing_is_future_in_002_and_emerging_in_004",
                                           "seeds 002 and 004 read by hand"),
    "industries.low_altitude.low_altitude": R("test_industries.py::test_low_altitude_base_and_consistency",
                                              "CAAC's published 95.8 and the seed's rounding"),
    "industries.traditional.traditional_facts": R("test_traditional.py::test_traditional_facts_by_hand",
                                                  "WDI rows by hand"),
    "industries.traditional.last_reported_year": R(
        "test_traditional.py::test_carried_forward_values_are_not_observations",
                                                   "WDI repeats China's value from 2011 (the raw file)"),
    "tfp.annual": R("test_tfp.py::test_hand_computed_three_year_example", "a three-year toy worked by hand"),
    "tfp.decompose": R("test_tfp.py::test_hand_computed_three_year_example "
                       "test_tfp.py::test_contributions_sum_to_gdp_growth",
                       "toy by hand; GDP growth read from the PWT CSV"),
    "tfp.alpha_grid": R("test_tfp.py::test_alpha_sensitivity_slope_is_capital_deepening",
                        "dTFP/dα = -(g_K - g_L - g_H) from PWT rows"),
    "tfp.bc_comparison": R("test_tfp.py::test_bc_comparison_against_the_published_table",
                           "Bosworth and Collins (2008), JEP 22(1), Table 1, p. 49; PWT rows by hand"),
    "tfp.bc_table": R("test_tfp.py::test_bc_comparison_against_the_published_table",
                      "Bosworth and Collins (2008) Table 1"),
    "tfp.robustness": R("test_tfp.py::test_robustness_rows_by_hand", "two rows worked from the raw CSV files"),
    "tfp.level_vs_us": R("test_tfp.py::test_level_vs_us_by_hand", "PWT 11.0 2023 rows of CHN and USA by hand"),
    "tfp.pwt_tfp_check": R("test_tfp.py::test_pwt_method_reproduces_rtfpna_growth", "PWT's own rtfpna"),
    "tfp.schooling_from_hc": R("test_tfp.py::test_schooling_implied_by_pwt_hc",
                               "PWT's hc = exp(φ(s)), returns 13.4/10.1/6.8 %: 3.8063 by hand"),
    "tfp.marginal_return": R("test_tfp.py::test_schooling_implied_by_pwt_hc", "PWT's piecewise returns"),
    "tfp.seed_comparison": R("test_tfp.py::test_seed_2013_2019_growth_agrees_with_base_2012",
                             "rgdpna 2012 -> 2019: 6.96 % (the seed's 7.0)"),
    "tfp.seed_table": R("test_tfp.py::test_seed_rows_match_their_cited_lines", "the seeds' cited lines"),
    "tfp.level_in": R("test_tfp.py::test_levels_and_changes_use_their_own_pwt_columns", "PWT ctfp rows"),
    "tfp.tfp_index": R("test_tfp.py::test_levels_and_changes_use_their_own_pwt_columns", "PWT rtfpna rows"),
    "tfp.tfp_growth": R("test_tfp.py::test_levels_and_changes_use_their_own_pwt_columns", "PWT rtfpna rows"),
    "tfp.chapter_facts.stack_bottoms": R("test_tfp.py::test_stack_bottoms_worked_by_hand", "bars 2, −1, 3, −0.5"),
    "tfp.chapter_facts.heat_range": R("test_tfp.py::test_heat_colour_range_worked_by_hand", "by hand"),
    # --- moved from PENDING: tests with hand-derived values exist (referee session) -----------------------------
    "findings.digital.core_target_specs": R(f"{DR}::test_core_target_specs_and_context_called_directly",
                                            "10.5 - 10, 10.45 - 10, 10.45 / (1,294,271.8 / 1,260,582) - 10 by hand"),
    "findings.digital.core_target_context": R(f"{DR}::test_core_target_specs_and_context_called_directly",
                                              "the 2023-2024 digital_core_share rows of cn_outcomes_2023_2025.csv"),
    "findings.digital.census_revision": R(f"{DR}::test_core_target_readings_are_readings_of_the_2025_outcome_by_hand",
                                          "WDI 2023 GDP x rate over NBS's first release 1,260,582 by hand"),
    "findings.counts_as_robust": R(f"{DR}::test_the_book_prints_the_single_source_label_and_does_not_count_it_robust",
                                   "three hand-made findings: robust, single-source, depends -> True, False, False"),
    "findings.world.ppp_extrapolation": R("test_world_referee.py::test_the_gap_moves_and_the_us_weight_rises_at_"
                                          "market_rates_only",
                                          "WDI OED 2017/2018/2023 rows, MSTI 2.37/2.34 and 2.40/2.38 (msti.htm), "
                                          "US shares from NY.GDP.MKTP.CD, NY.GDP.PCAP.CD, NY.GDP.PCAP.PP.CD rows"),
    "findings.tfp.hours_decline": R(f"{TR}::test_hours_fell_so_counting_heads_lowers_tfp_by_hand",
                                    "PWT 11.0 avh JPN 1781.3 -> 1653.9, KOR 2110.26 -> 1910.23 (2012 -> 2023) by hand"),
    "findings.digital.cross_vintage_specs": R("test_digital.py::test_findings_by_hand",
                                              "(53.9 / 22.6) ** (1/7) against the standard GDP from WDI rows"),
    "digital.core_outcomes": R("test_digital.py::test_target_scenarios_and_progress",
                               "7.8, 9.9, 10, 10.5: rows of the plan, NBS, 国家数据局 and the 2026 report"),
    "digital.core_target": R(f"{DR}::test_core_target_and_summary_from_the_csv_rows",
                             "cn_digital_core_share_gdp.csv 2020 7.8, 2023 9.9; target 10"),
    "digital.summary": R(f"{DR}::test_core_target_and_summary_from_the_csv_rows",
                         "1.04 x (10 / 7.8) ** 0.2 - 1; (53.9 / 22.6) ** (1/7) - 1; WDI GDP rows by hand"),
    "digital.seed_figures": R("test_digital.py::test_every_seed_figure_stands_in_its_cited_line",
                              "each figure found in the seed line it cites (seeds/*.txt read in the test)"),
    "digital_facts.facts": R(f"{DR}::test_digital_facts_by_hand",
                             "9.3, 6.9, 4.1, 10.1 worked from the CSV rows in the test"),
    "digital_facts.target_path": R("test_digital.py::test_chapter_tables_by_hand",
                                   "7.8 x (10 / 7.8) ** ((y - 2020) / 5) by hand"),
    "digital_facts.panel_table": R("test_digital.py::test_chapter_tables_by_hand", "22.6 / 18.63 - 1 by hand"),
    "digital_facts.two_figures_table": R("test_digital.py::test_chapter_tables_by_hand",
                                         "seed 000 line 36: 56.1 / 0.44 by hand"),
    "digital_facts.hubs_table": R("test_digital.py::test_chapter_tables_by_hand", "seed 000 line 36: eight nodes"),
    "digital_facts.ren_span": R("test_digital.py::test_chapter_tables_by_hand", "seed 003 lines read in the test"),
    "digital_facts.target_table": R(f"{DR}::test_target_table_and_chart_parts_by_hand",
                                    "1.06 x (10 / 7.8) ** 0.2 - 1 = 11.40 % by hand"),
    "digital_facts.target_chart_parts": R(f"{DR}::test_target_table_and_chart_parts_by_hand",
                                          "7.8 x (10 / 7.8) ** 0.2; published 9.9 and 10.5"),
    "digital_facts.growth_years": R(f"{DR}::test_growth_and_scale_chart_tables_by_hand",
                                    "53.9 / 50.2 - 1 and the WDI GDP rows 2022-2023 by hand"),
    "digital_facts.growth_chart_table": R(f"{DR}::test_growth_and_scale_chart_tables_by_hand",
                                          "53.9 / 50.2 - 1 by hand"),
    "digital_facts.scale_chart_table": R(f"{DR}::test_growth_and_scale_chart_tables_by_hand",
                                         "seed 000 line 36 (56.1) beside CAICT's 53.9"),
    "digital_facts.conclusion_line": R(f"{DR}::test_conclusion_line_is_the_first_line_with_the_heading",
                                       "seed 003 read line by line in the test"),
    "outcomes.facts.facts": R("test_outcomes.py::test_appendix_facts_by_hand",
                              "2800 / 39200 = 7.14 %; 39,200 x 1.07 ** 5; 1 - 0.884 x 0.949 by hand"),
    "outcomes.facts.score_table": R("test_outcomes.py::test_appendix_facts_by_hand",
                                    "16.11 (chained) and ≥ 10.50 from the rows"),
    "outcomes.facts.rows_table": R("test_outcomes.py::test_appendix_tables_by_hand",
                                   "89 data rows of cn_outcomes_2023_2025.csv read with pandas"),
    "outcomes.facts.fyp15_table": R("test_outcomes.py::test_appendix_tables_by_hand", "0.4 / 5 years by hand"),
    "outcomes.rows.best": R(f"{OR}::test_best_prefers_confidence_then_final_over_preliminary",
                            "gdp_nominal 2024 rows: final 1,348,066 (high) over preliminary 1,349,084"),
    "outcomes.when": R(f"{OR}::test_when_writes_each_period_as_read", "points written out by hand"),
    "outcomes.fyp15_targets": R(f"{OR}::test_fyp15_targets_are_the_rows_of_the_2026_report",
                                "cn_fyp15_targets.csv rows quoted"),
    "industries_facts.facts": R("test_industries.py::test_chapter_facts_by_hand",
                                "(13 - 7.6) / 9, (13 / 7.6) ** (1/9) - 1 by hand (seed 004 line 79)"),
    "industries_facts.share_chart_parts": R("test_industries.py::test_chapter_tables_by_hand",
                                            "13 + 0.6 x 7 and 13 x (13 / 7.6) ** (7/9) by hand"),
    "industries_facts.share_rows_table": R("test_industries.py::test_chapter_tables_by_hand",
                                           "cn_sei_share_gdp.csv 2022 '超过13%' (LOWER-BOUND)"),
    "industries_facts.summary_table": R("test_industries.py::test_chapter_tables_by_hand",
                                        "rows of industry_mentions.csv read with pandas"),
    "industries.sources.seed_figures": R("test_industries.py::test_seed_figures_stand_in_their_lines_and_carry_flags",
                                         "each figure found in the seed line it cites"),
    "industries.sources.sei_share": R(f"{IR}::test_sei_share_is_the_official_rows_plus_seed_004",
                                      "cn_sei_share_gdp.csv rows and seed 004 line 79 quoted"),
    "industries.sources.official_share": R(f"{IR}::test_sei_share_is_the_official_rows_plus_seed_004",
                                           "cn_sei_share_gdp.csv 2019 11.5, 2022 13"),
    "industries.sources.figure": R(f"{IR}::test_sei_share_is_the_official_rows_plus_seed_004",
                                   "industry_seed_figures.csv: 17 (seed 000:17), 7.6 (004:79)"),
    "industries.sources.sei_targets": R(f"{IR}::test_sei_targets_are_the_plan_rows_plus_seed_000",
                                        "cn_sei_share_gdp_targets.csv rows and seed 000 line 17"),
    "industries.sei.default_gdp_scenarios": R(f"{IR}::test_default_gdp_scenarios_from_the_wdi_rows",
                                              "WDI GDP x rate rows 2022, 2023, 2025 by hand"),
    "tfp.accounting.period_rows": R(f"{TR}::test_period_rows_and_mean_log_growth_by_hand",
                                    "CHN rgdpna, rnna, emp, hc 2012/2019 quoted; log growth by hand"),
    "tfp.pwt_levels.mean_log_growth": R(f"{TR}::test_period_rows_and_mean_log_growth_by_hand",
                                        "100 ln(25842820 / 16135730) / 7 by hand"),
    "tfp.accounting.shares": R(f"{TR}::test_shares_per_worker_and_compare_by_hand", "10 = 4 + 1 + 0.5 + 4.5"),
    "tfp.accounting.per_worker": R(f"{TR}::test_shares_per_worker_and_compare_by_hand",
                                   "Bosworth-Collins layout with alpha 0.4 from the 2012/2019 rows by hand"),
    "tfp.accounting.compare": R(f"{TR}::test_shares_per_worker_and_compare_by_hand",
                                "TFP with alpha 0.4 from the 2012/2019 rows by hand"),
    "tfp.specifications.share_change": R(f"{TR}::test_share_change_by_hand",
                                         "TFP shares 1979-2012 and 2013-2019 from the 1978/2012/2019 rows by hand"),
    "tfp.pwt_levels.levels": R(f"{TR}::test_levels_are_the_ctfp_rows", "CHN ctfp 2012 0.414909303, 2023 0.470938355"),
    "tfp.chapter_facts.annual_table": R(f"{TR}::test_annual_table_and_vintage_index_by_hand",
                                        "Törnqvist TFP of 2019 from the 2018/2019 rows by hand"),
    "tfp.chapter_facts.vintage_index": R(f"{TR}::test_annual_table_and_vintage_index_by_hand",
                                         "exp(TFP 1979 / 100) from the 1978/1979 rows by hand"),
    "tfp.chapter_facts.period_table": R(f"{TR}::test_period_table_and_levels_sorted_by_hand",
                                        "100 ln(25842820 / 16135730) / 7 by hand"),
    "tfp.chapter_facts.levels_sorted": R(f"{TR}::test_period_table_and_levels_sorted_by_hand",
                                         "ctfp 2023 of the six economies quoted and ordered by hand"),
    "findings.industries.findings": R(f"{IR}::test_specifications_table_and_the_sei_finding_by_hand",
                                      "(GDP 2025 / 2022) ** (1/3) x (17 / 13) ** (1/3) - 1 from WDI rows by hand"),
    "industries_facts.specifications_table": R(f"{IR}::test_specifications_table_and_the_sei_finding_by_hand",
                                               "required and past growth from 2022's 13 % by hand"),
    "industries_facts.scenarios_table": R(f"{IR}::test_scenarios_tables_by_hand",
                                          "1.05 x sqrt(17 / 13) - 1; past pace from 7.6 % and WDI GDP by hand"),
    "industries_facts.scenarios_chart_table": R(f"{IR}::test_scenarios_tables_by_hand",
                                                "1.09 x sqrt(17 / 13) - 1 by hand"),
    "findings.industries.sei_target_2025": R(f"{IR}::test_specifications_table_and_the_sei_finding_by_hand",
                                             "required - past growth from 2022's 13 % and the seed's 13 % by hand"),
    "tfp.chapter_facts.heat_tables": R(f"{TR}::test_heat_tables_with_a_fixed_alpha_by_hand",
                                       "alpha 0.4, 2013-2019 from the 2012/2019 rows by hand"),
    "tfp.chapter_facts.heat_chart_table": R(f"{TR}::test_heat_tables_with_a_fixed_alpha_by_hand", "as above"),
    "tfp.chapter_facts.country_table": R(f"{TR}::test_country_table_and_level_specs_by_hand",
                                         "JPN rgdpna 2012/2023: 100 ln(5522683.5 / 5129414) / 11"),
    "tfp.chapter_facts.level_specs_table": R(f"{TR}::test_country_table_and_level_specs_by_hand",
                                             "CHN ctfp 0.470938355 and cwtfp 0.430936217 (2023) from the CSV"),
    "industries.taxonomy.category_summary": R(f"{IR}::test_category_summary_counts_the_mentions_file_by_hand",
                                              "industry_mentions.csv counted with csv"),
    "industries.taxonomy.fyp14_wording": R(f"{IR}::test_fyp14_wording_lists_the_nine_fields_of_seed_000_line_40",
                                           "the nine fields of seed 000 line 40 (000-fyp14 rows of the file)"),
    "tfp.chapter_facts.vintage_table": R(f"{TR}::test_vintage_table_gdp_from_both_csv_files",
                                         "rgdpna rows of pwt1001_selected.csv and pwt110_selected.csv by hand"),
    "industries.traditional.traditional_evidence": R(
        f"{IR}::test_traditional_evidence_and_table_name_the_frozen_chinese_series",
        "NV.MNF.TECH.ZS.UN,CHN rows: 41.4512685 from 2011 on (the raw CSV)"),
    "industries_facts.traditional_table": R(f"{IR}::test_traditional_evidence_and_table_name_the_frozen_chinese_series",
                                            "41.5（2011） from the raw CSV"),
    "tfp.chapter_facts.seed_shown_table": R(f"{TR}::test_seed_shown_table_against_seed_000_line_12_and_the_csv",
                                            "seed 000 line 12 read; (16135730 / 589707.25) ** (1/35) - 1 by hand"),
    "industries_facts.disagreements_table": R(
        f"{IR}::test_disagreements_table_puts_biomanufacturing_in_two_categories",
        "seed 002 line 62 and 004 line 79; industry_mentions.csv read with csv"),
    "tfp.published.read_period": R(f"{TR}::test_period_readings_of_the_sources_by_hand",
                                   "Bosworth and Collins (2008) Table 1's end-point periods; seed 000 line 12"),
    "tfp.published.period_readings": R(f"{TR}::test_period_readings_of_the_sources_by_hand",
                                       "1979-2004: base 1978, 26 growth years, by hand"),
    "tfp.chapter_facts.robustness_chart": R(f"{TR}::test_robustness_chart_marks_pwts_own_specification",
                                            "PWT user guide: rtfpna is rkna, emp x avh x hc, 1 - labsh; 6.73 by hand"),
    "tfp.chapter_facts.bc_shown_table": R(f"{TR}::test_bc_shown_table_published_rows_and_recomputation_by_hand",
                                          "Bosworth and Collins (2008) Table 1 p. 49; PWT rows 1978/2004 by hand"),
    "digital_facts.places_table": R(f"{DR}::test_places_table_against_the_seed_lines",
                                    "seed 000 line 34, seed 001 lines 89 and 101 read in the test"),
    "findings.industries.factcheck_most_hold": R(f"{IR}::test_factcheck_most_hold_on_hand_made_counts",
                                                 "ten hand-made verdicts: 5/10, 6/10, 5/8, 6/8 by hand"),
    # --- provinces (registered here by the registry's owner; tests written by the provinces helper) -------------
    "provinces.inputs.level_revisions": R(
        "test_provinces_revisions.py::test_the_rule_finds_liaoning_2016_and_inner_mongolia_2017_and_not_hubei_2020 "
        "test_provinces_revisions.py::test_the_splice_factor_assumes_national_growth_in_the_revision_year",
        "辽宁 2015/2016 and 内蒙古 2016/2017: R&D / intensity from the raw CSV lines; WDI GDP x rate"),
    "provinces.inputs.gdp_falls": R(
        "test_provinces_revisions.py::test_the_rule_finds_liaoning_2016_and_inner_mongolia_2017_and_not_hubei_2020",
        "湖北 2019/2020: 957.9 / 2.09 and 1005.3 / 2.31 from the raw CSV lines"),
    "findings.provinces.treatments": R(
        "test_provinces_revisions.py::test_the_dummy_is_not_counted_because_the_jump_survives_the_splice",
        "the Gini's jump at 2019 recomputed on the spliced basis: the dummy is left out"),
    "provinces.facts.system": R(
        "test_provinces_referee.py::test_system_counts_ten_indicators_in_three_dimensions_each_read_from_a_raw_table",
        "each source table found in the raw CSV's datasets (read with csv); 4 + 3 + 3 by hand"),
}

EXEMPT: dict[str, str] = {
    "claims.extract.check_kind": "argument check (its error is tested in test_claims)",
    "factcheck.checked": "cache: run() computed once per process (run's rows are what the references test)",
    "policy.tiles.tile_grid": "nqpf.core.geo.TILES as a table (the layout is checked against the map in "
                              "test_core_primitives)",
    "claims.evaluate.read_labels": "loader of a labelled file (schema by its manifest)",
    "world.wdi.check_code": "argument check: raises a UsageError naming what is available (tested in test_world)",
    "world.wdi.check_countries": "argument check (tested by its error message in test_world)",
    "world.wdi.label": "lookup of the module's own Chinese label table (META): no outside value to compare",
    "policy.dispatch.run": "Dask dispatch: same results as one process is checked in test_policy",
    "policy.contrasts.preload": "warms the segmenter's dictionary; returns nothing",
    "policy.reading.read_text": "loader: UTF-8 decoding, errors named (test_bad_data)",
    "policy.reading.flat_text": "read → clean → analysis_text, each covered",
    "policy.reading.load": "read → clean → flatten and hanzi count, each covered",
    "policy.reading.documents": "manifest rows renamed (manifest is checked against the shared manifest)",
    "provinces.inputs.cache_key": "cache key (test_provinces_montecarlo checks it changes with the file)",
    "provinces.inputs.check_basis": "argument check",
    "provinces.inputs.expect_provinces": "argument/count check (its error message is tested)",
    "provinces.inputs.cleaned": "loader: clean() of the raw file, whose rules are covered",
    "provinces.inputs.panel": "loader: the cleaned file in long form; schema checked in test_provinces",
    "provinces.method.check_method": "argument check",
    "provinces.ranking.check_exclude": "argument check",
    "provinces.ranking.check_year": "argument check",
    "provinces.ranking.label": "lookup of the method's Chinese name",
    "provinces.facts.facts": "gathers the sections' printed values (each section listed separately)",
    "claims.extract.write": "writes the ledger file (data/derived), checked by make data",
    "claims.evaluate.read_gold": "loader of the labelled file (schema by its manifest)",
    "factcheck.engine.fmt": "number formatting for the computation column",
    "factcheck.engine.make_row": "assembles a result row from a check's parts",
    "factcheck.engine.editorial": "loader of recorded editorial judgements (data, with reasons)",
    "factcheck.run": "runs the checks; each check is listed separately",
    "findings.label": "Chinese label of a verdict (lookup)",
    "findings.table": "formats the register as a table",
    "tfp.accounting.check_alpha": "argument check",
    "tfp.specifications.alpha_name": "label of a specification",
    "tfp.specifications.spec_label": "label of a specification",
    "tfp.accounting.pwt": "loader of the PWT extract (schema by its manifest)",
    "concept_facts.facts": "gathers printed values from concept functions that are listed separately",
    "findings.computed": "register(topic) with the chapter credited for the files on a cache miss (test_findings "
                         "checks the credit and that a later kernel reads the cache)",
    "policy.engines.fast_entry": "the fast path's tokens of one text as a digest, through the build's cache",
    "policy.engines.token_digest": "sha256 of a token sequence",
}

PENDING: dict[str, str] = {
    "findings.policy.keyness_specs": "cached (lru_cache) and so newly visible to the registry; owned by the policy "
                                     "helper, not yet covered",
    "findings.policy.talk_specs": "cached (lru_cache) and so newly visible to the registry; owned by the policy "
                                  "helper, not yet covered",
}


# ------------------------------------------------------------------------------------------------ the measurement


@lru_cache(maxsize=1)
def public_functions() -> tuple[str, ...]:
    """Dotted paths below nqpf.analysis of every public function (``__all__``, else the module's public defs)."""
    found = set()
    for info in pkgutil.walk_packages(nqpf.analysis.__path__, "nqpf.analysis."):
        mod = importlib.import_module(info.name)
        names = getattr(mod, "__all__", None)
        if names is None:
            names = [n for n, o in vars(mod).items() if inspect.isfunction(o) and o.__module__ == info.name]
        for n in names:
            obj = getattr(mod, n, None)
            if hasattr(obj, "__wrapped__"):  # a cached function (functools.lru_cache) is still the function
                obj = inspect.unwrap(obj)
            if (inspect.isfunction(obj) and obj.__module__.startswith("nqpf.analysis.")
                    and not obj.__name__.startswith("_")):
                found.add(f"{obj.__module__}.{obj.__qualname__}".removeprefix("nqpf.analysis."))
    return tuple(sorted(found))


def _matches(key: str, path: str) -> bool:
    """A key matches a path when its parts are a subsequence of the path's, with the same first and last part."""
    k, p = key.split("."), path.split(".")
    if k[0] != p[0] or k[-1] != p[-1]:
        return False
    it = iter(p)
    return all(part in it for part in k)


def resolve(key: str) -> list[str]:
    exact = [f for f in public_functions() if f == key]
    return exact or [f for f in public_functions() if _matches(key, f)]


@lru_cache(maxsize=1)
def classified() -> dict[str, tuple[str, str]]:
    """Function path -> (list name, key)."""
    out = {}
    for name, reg in (("REFERENCE", REFERENCE), ("EXEMPT", EXEMPT), ("PENDING", PENDING)):
        for key in reg:
            for f in resolve(key):
                out.setdefault(f, (name, key))
    return out


def shares() -> dict[str, tuple[int, int]]:
    """covered and counted (covered + pending) functions: overall and per table package."""
    c = classified()
    out = {}
    for scope in ("all",) + TABLE_PACKAGES:
        fs = [f for f in public_functions() if scope == "all" or f.split(".")[0] == scope]
        counted = [f for f in fs if c.get(f, ("",))[0] in ("REFERENCE", "PENDING")]
        out[scope] = (sum(c[f][0] == "REFERENCE" for f in counted), len(counted))
    tables = [out[p] for p in TABLE_PACKAGES]
    out["tables"] = (sum(a for a, _ in tables), sum(b for _, b in tables))
    return out


# ------------------------------------------------------------------------------------------------ the tests


def test_every_public_function_is_registered():
    c = classified()
    missing = [f for f in public_functions() if f not in c]
    assert not missing, ("public analysis functions in none of REFERENCE, EXEMPT, PENDING (add each with its "
                         f"test and reference, or the reason): {missing}")


def test_every_key_names_exactly_one_public_function():
    bad = {}
    for reg in (REFERENCE, EXEMPT, PENDING):
        for key in reg:
            hits = resolve(key)
            if len(hits) != 1:
                bad[key] = hits
    assert not bad, f"registry keys that match no public function or several: {bad}"
    keys = [k for reg in (REFERENCE, EXEMPT, PENDING) for k in reg]
    assert len(keys) == len(set(keys))
    twice = [f for f in public_functions() if sum(f in resolve(k) for k in keys) > 1]
    assert not twice, f"functions listed twice: {twice}"


@lru_cache(maxsize=None)
def _test_sources(file: str) -> dict[str, str]:
    src = (UNIT / file).read_text(encoding="utf-8")
    tree = ast.parse(src)
    return {n.name: ast.get_source_segment(src, n) for n in tree.body if isinstance(n, ast.FunctionDef)}


def _source_with_helpers(file: str, test: str) -> str:
    """The test's source and that of the module-level functions (helpers, fixtures) it names."""
    funcs = _test_sources(file)
    body = funcs[test]
    return body + "".join(s for name, s in funcs.items() if name != test and name in body)


@pytest.mark.parametrize("key", sorted(REFERENCE))
def test_listed_tests_exist_and_reach_the_function(key):
    ref = REFERENCE[key]
    assert ref.tests and ref.source.strip(), f"{key}: a test and the source of its expected value"
    handle = ref.via or key.rsplit(".", 1)[1]
    for t in ref.tests:
        file, _, name = t.partition("::")
        assert (UNIT / file).is_file(), f"{key}: no file tests/unit/{file}"
        assert name in _test_sources(file), f"{key}: no test {t}"
        assert handle in _source_with_helpers(file, name), f"{key}: {t} never names {handle!r}"


def test_reference_share_in_world_policy_provinces():
    covered, counted = shares()["tables"]
    assert counted and covered / counted >= TARGET, (
        f"{covered} of {counted} table-building functions in {TABLE_PACKAGES} have a reference test "
        f"({covered / counted:.0%}); pending: " + ", ".join(
            f for f, (lst, _) in classified().items() if lst == "PENDING" and f.split(".")[0] in TABLE_PACKAGES))
    for p in TABLE_PACKAGES:
        c, n = shares()[p]
        assert c / n >= TARGET, f"{p}: {c} of {n} ({c / n:.0%})"


def test_reference_share_overall():
    covered, counted = shares()["all"]
    assert covered / counted >= TARGET, (f"{covered} of {counted} public analysis functions have a reference test "
                                         f"({covered / counted:.0%}), below {TARGET:.0%}")
