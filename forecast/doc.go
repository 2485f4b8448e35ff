// Package forecast projects yearly indicator series with calibrated 80% and
// 95% prediction intervals and judges plan targets against the projections.
// It is pure computation over years and values: no store, no HTTP.
//
// # Scale and gaps
//
// A positive series is modelled on the log scale (growth rates become
// slopes; intervals stay positive); a series with a zero or negative value on
// its own scale. Gaps are filled by geometric (log-linear) interpolation onto
// the annual grid, but only real observations count for the volatility and
// for the calibration row, so a series known in 2015 and 2020 only is treated
// as the two-point series it is. One observation or none is EINVALID.
//
// A series whose largest |value| lies beyond 1e150 or under 1e−150 is
// fitted divided by the power of two that brings that value into
// [0.5, 1), and mapped back after (prepare, safeMagnitudeHigh): past
// those bounds the models' sums of squares overflow or underflow (near
// 1e160 the shrunk drift's t-statistic became NaN and auto the naive
// forecast), so that such a series gets the forecast of the same series
// near 1, times its scale. Every other series is fitted as it is, to
// the bit.
//
// A percentage of a whole (Options.Limits, LimitsOf: a share, the
// unemployment rate) whose every figure lies strictly inside (0, 100) is
// modelled on the logit scale of p = v/100,
//
//	y = log(p/(1 − p)),   v = 100/(1 + e^−y)
//
// as a positive series is on the log scale: the same members and mix (the
// linear members fitted on the percentages, their forecasts kept within a
// factor of 1000 of the last figure's odds, as a log series' are floored at
// 1/1000 of its last figure), the series' own scale measured on y, the
// same quantiles, and everything mapped back by the inverse logit. The
// pooled scale is the log scale's taken by the smaller of the share and its
// complement, which moves as a level does:
//
//	s₀,logit = s₀ / max(p̄, 1 − p̄),   p̄ the mean of v/100
//
// (for a share under one half the log scale's width at the series' level,
// above it the complement's). So the mean and every bound and quantile stay
// inside (0, 100), closer to the edge the further ahead, and the
// probability of reaching a value is read from that distribution: none of
// reaching 100 or 0 itself, so a target set there is judged where a figure
// reads as it (Targets at a limit, under Percentages of a whole below).
// A share with a figure of exactly 0 or 100 has no logit:
// it keeps the log scale (or its own), and its mean and bounds are taken to
// the limit (Options.Limits), with the distribution's mass beyond it put
// at it. The evidence is under Percentages of a whole below.
//
// Every target of a series is judged on its one projection, the one the
// forecast prints and the charts draw: a growth target is read off the
// distribution of its two years' levels. A series that starts from
// nothing (a development zone's revenue of 0, 0, 0.5, 1.2, 2.0, 3.1, 4.0)
// is projected whole on its own scale, and its growth targets too: they
// used to be judged on a log model of the figures after its last 0, which
// compounded the start-up's first growth rates (+140%, +67%) into 5.16 for
// the next year beside the 4.43 [3.34, 5.46] shown for it, and gave a
// growth of 20% 64% where the distribution shown gives it 16%. Only a
// figure at or below 0 from a growth's base year on makes it unjudgeable.
//
// # Models
//
// x_t is the series on the working scale, n its length, h the horizon.
//
//	naive         x̂_{n+h} = x_n
//	drift         x̂_{n+h} = x_n + h (x_n − x_1)/(n − 1)
//	trend         x̂_{n+h} = a + b (n + h), least squares (constant growth rate)
//	ses           ETS(A,N,N): ℓ_t = ℓ_{t−1} + α e_t
//	holt          ETS(A,A,N): ℓ_t = ℓ_{t−1} + b_{t−1} + α e_t, b_t = b_{t−1} + β e_t
//	damped        ETS(A,Ad,N): as holt with φ b_{t−1}; x̂ = ℓ_n + (φ + … + φ^h) b_n
//	theta         classic Theta: x̂ = ℓ_n + (b/2)(h − 1 + (1 − (1−α)^n)/α) (thetaf)
//	theta_opt     optimised Theta (Fiorucci et al. 2016), θ ∈ [1, 5]
//	drift_robust  x̂ = x_n + (φ + … + φ^h) median(Δx), φ = 0.9
//	drift_shrunk  x̂ = x_n + h b t²/(t² + 8), b the mean drift, t its t-statistic
//	drift_linear  the same with k = 2 on the original scale (linear growth)
//	damped_linear damped on the original scale (a damped linear trend)
//
// Smoothing parameters are estimated by least squares: the initial states
// are profiled out exactly (every error is linear in them), α alone by
// golden section, (α, β, φ) within R's ets bounds by gonum's L-BFGS with the
// analytic gradient (the envelope theorem lets the profiled states drop out
// of it), from R's start to the nearest minimum: the lowest minimum
// forecasts worse (see fitTrend). The models match R's forecast package
// (testdata/reference.R); where R's optimiser stops early ours reaches a
// lower SSE.
//
// # Automatic combination
//
// "auto" is the equal-weight mean, on the original scale, of naive,
// drift_robust, drift_shrunk and drift_linear for a series of fewer than 15
// observed years, and of drift_shrunk, damped and damped_linear from 15 years
// on (the sixth round below). The short mix was chosen among all
// equal-weight combinations of up to four models from a pool of 14 variants
// (the models above on both scales, damping 0.8/0.9, shrinkage k = 0.5…8,
// windowed drifts) by the mean of relative sMAPE and MASE against naive on
// two validation sets cut from the M3 yearly training years only (each
// series' last 6 training years forecast from the rest, and from the 6 years
// before them), never the test years. Measured at selection (sMAPE / MASE):
//
//	                         full-val      short-val     full-test     short-test
//	the short mix            18.23 / 3.182 18.65 / 2.718 15.67 / 2.592 17.32 / 2.575
//	theta (log)              18.95 / 3.230 19.77 / 2.827 16.24 / 2.690 18.04 / 2.656
//	theta + damped + drift   (mean of log-scale ETS/Theta family, best "classic" mix)
//	                                                     16.38 / 2.827 19.15 / 2.739
//	drift (original scale)   19.32 / 3.261 20.52 / 2.806 16.79 / 2.632 22.69 / 2.763
//	naive                    21.45 / 3.779 21.45 / 3.208 17.88 / 3.172 17.88 / 2.958
//
// Weighting members by each series' own rolling-origin errors (inverse
// sMAPE, 6 or 10 origins) was also measured and did no better than equal
// weights (full test 15.62–15.82 / 2.60–2.67), so the simpler scheme stays.
//
// A second round (research_test.go, build tag research) re-checked the mix on
// 14 training-only splits: the 6 years ending cut = 6, 7, …, 15 years before
// the end of each series, forecast from all years before them (10 full
// splits) and from the 6 years before them (4 short splits, cuts 6, 9, 12,
// 15). Below: scores relative to the short mix (mean of the sMAPE and MASE ratios,
// full / short splits), and the one confirmation on the test years that each
// candidate then got (sMAPE / MASE). Until November 2026 the harness fitted
// drift_linear on the log scale (it overrode the model's scale), so the
// baseline of these rounds was not auto; the ratios below are re-measured
// against auto itself, and every gain shrank:
//
//	                                   10+4 splits      full test     short test
//	naive, drift_robust, drift_shrunk,
//	  damped (original scale)          0.997 / 1.004    15.48 / 2.619 17.29 / 2.570
//	drift_shrunk, theta, damped (orig.),
//	  drift_shrunk k=4 (orig.):
//	  best of the 1 470 mixes          0.992 / 0.996    15.58 / 2.606 17.54 / 2.551
//	per-series inverse-MASE weights of
//	  this mix, last 4–20 origins,
//	  shrunk 25–100% toward equal      0.997–1.010 / 0.999–1.011 (won 3–11 of 14 splits)
//	median of an odd subset (3–7) of
//	  the 14 variants: best of 5 798   0.989 (12 of 14 splits)
//	median of all 14 variants          0.998 (7 of 14)  15.62 / 2.580 17.37 / 2.538
//
// No equal-weight mix of up to four of the 14 variants beats auto by even 1%
// on the training splits (auto ranks 88th of the 1 470 there), and the mixes
// that came closest lost on the full test years; so auto stays.
//
// A third round (research_stack_test.go, research_global_test.go) tried two
// other kinds of point forecast on the same splits. One global weight vector
// over the 14 variants (softmax weights, Nelder–Mead) learnt on the far
// splits (full cuts 11–15, short 12 and 15) scored 1.009 relative to auto on
// the near ones (full cuts 6–8, short 6), and 0.997 learnt the other way. A
// global linear model pooled across series — the log change to each of the
// next 6 years, scaled by s_own, regressed on the last 5 scaled changes by
// least squares or least absolute deviations, learnt from each split's own
// history — scored 1.032 / 1.026 alone and 0.999 / 0.997 as a third of a mix
// with auto. Choosing the mix per category (among auto, auto + theta, naive +
// drift_shrunk, drift_shrunk + drift_linear, theta, naive, and drift_shrunk +
// theta + damped) by the category's errors on the 6 years before each split
// (research_group_test.go) scored 1.003 over the 20 splits: the best mix of
// a category changes from one period to the next. No gain is outside the
// 1–2% spread between splits, so auto is unchanged.
//
// A fifth round (research_arima_test.go) tried an autoregressive member,
// ARIMA(1,1,0) with drift by conditional least squares (φ clipped to
// [−0.5, 0.9], the drift unshrunk or shrunk as in drift_shrunk, on either
// scale), because R's arima had the lowest MASE on the holdout's regional
// file. Alone it scored 1.019–1.217 of auto on the 14 splits; the best of the
// 2 577 mixes of up to four members that include it, 0.989 / 0.998 (10 of
// 14 splits) — no better than the best mix without it (0.992 / 0.996) and
// short of the rule fixed before the run (≤ 0.98 and 11 of 14). Not adopted.
//
// A sixth round (research_length_test.go) chose a mix for long histories
// only (15 or more years; the short file and short histories keep the short
// mix). On the long series of the 10 full splits, drift_shrunk + damped +
// damped on the original scale scored 0.950 of the short mix, better on all
// 10 (0.955–0.963 for 10, 12, 20 and 25 years): the damped trend needs a long
// history to estimate its parameters, and then beats the simple drifts. That
// met the rule fixed before the run (≤ 0.98, 9 of 10). As auto from 15
// observed years, with the calibration re-learnt on the training years:
//
//	                         M3 full test                 holdout regional (883)
//	short mix for all        15.578 / 2.592, 0.856/0.964  9.155 / 2.727, cov 0.807/0.955
//	long mix from 15 years   15.751 / 2.716, 0.847/0.962  8.411 / 2.404, cov 0.821/0.960
//
// (The short file and the holdout's municipal file, 6 years, are unchanged.)
// The data never used for a choice agree with the training years; the M3
// test years, calmer than every training window, do not. Two of the three
// kinds of evidence, and the only one on regional economic data (US states,
// China's national income by sector), are for it, so auto uses it from
// 15 years on, though it moves the M3 test MASE away from the 2.55.
// Not from 10 years: on the 10–14-year histories of the splits it scored
// 1.006 of the short mix, better on 4 of 10 (TestResearchLongMixBelow15).
// A fourth kind, read once afterwards as a confirmation (the Penn World
// Table's national accounts of 182 countries, 1,084 series): 7.262 / 3.769
// with the short mix for all, 5.445 / 2.603 with the long mix (R's arima
// 5.436 / 2.499, ets 5.578 / 2.559).
//
// It waited a round for its cost: fitted with gonum's Nelder–Mead through
// Minimize (about 400 evaluations, each paying about 1.5 µs of goroutine
// hand-offs against 0.1 µs for the objective), the two damped fits made auto
// 90 times slower on a long series and the nationwide assessment 29 s against
// its 30 s goal. The damped fit is now L-BFGS with the analytic gradient,
// driven without Minimize's goroutines: 58 µs against Minimize's 720 µs
// (BenchmarkFitDamped), the same forecasts on the training splits (0.9995 for
// this mix), and the nationwide assessment on InfluxDB 15.6 s against 14.3 s
// without the mix, in the same run (bench/scale.sh).
//
// An eighth round (research_power_test.go) added members on the square-root
// scale (Box–Cox λ = 1/2, between the log and the original scale) to the 14
// variants. Rule fixed before the run: a mix with one replaces auto's mix for
// one population (under or from 15 years) only if it scores ≤ 0.98 there,
// wins at least 8 of the 10 full splits and wins the nearest (f6). The best
// scored 1.0001 of the long mix (6 of 10) and 0.9962 of the short mix (7 of
// 10); none of the 4 725 met the rule. A local-and-global-trend member
// (research_lgt_test.go: Smyl's LGT recursion, trend γ ℓ^ρ + λ b, fitted by
// least squares instead of Rlgt's MCMC with priors) scored 1.040 and 1.269
// of auto's mixes alone, and no mix with it came within the rule (best
// 1.0019 and 1.0238): five parameters overfit yearly series without the
// priors. The same round measured, as a
// diagnostic that reads the M3 test years and chose nothing, how far mixing
// these models could go there (bench/mix_bound.sh): the best of the 793
// equal-weight mixes of up to four, chosen on the test years, scores MASE
// 2.587 for all series and 2.557 with a separate mix from 15 years, both
// above the 2.55; and the long mix's gain over the short one on the
// training splits fades toward the test years (0.884 at f12, 1.008 at f6).
//
// A ninth round (research_analog_test.go) tried forecasting by analogy
// across series (Kang et al.'s "Déjà vu"): the median next six log changes
// of the k windows, from every series' history before the split, whose last
// L values relative to their origin lie nearest the target's (s = 1 or the
// window's mean |Δ log|, L = 4, 6, k = 30, 100). Alone the variants scored
// 1.047–1.157 of auto's mixes; the best mixes with one 0.9940 of the long
// mix (7 of 10, f6 lost by 4%) and 0.9836 of the short mix (8 of 10); none
// of the 7 638 met the same rule, and auto is unchanged. Nor did a mix per
// clarity of trend for the long histories (research_trend_test.go: split at
// the median |t| of the mean log change; best 0.9985 for clear trends,
// 0.9838 for unclear ones).
//
// Out of sample (bench/holdout.sh, data never used for any choice here:
// yearly US state, firm, Chinese and US macro panels and Swedish
// municipalities from Debian's R packages AER and plm), auto has the lowest
// sMAPE and MASE of all methods on the 883 regional series (8.41 / 2.40
// against R's best, arima, 9.34 / 2.56; with the short mix for every series
// it had 9.16 / 2.73), and on the 795 municipal series (6 years, a common
// level shift in 1983) it is worse than naive (8.78 / 1.27 against 7.93 /
// 1.16), as R's drift and ets are; its intervals cover 0.821 / 0.960 and
// 0.834 / 0.983 there, the lowest MSIS of all methods on both files
// (BENCHMARKS.md).
//
// The lesson of the tables: on yearly data the trend must be extrapolated
// only as far as the data support it (shrinkage, damping, median slopes), and
// mixing exponential (log) with linear extrapolation hedges the trend shape.
//
// # Intervals
//
// The predictive distribution of year n+h is x̂_{n+h} + s·z on the working
// scale. z has the empirical quantiles of Calibration (per method, per number
// of real observations 2, 3, 4, 5, 6, 7–9, 10–14, 15–24, 25+, and per
// horizon 1–10, stretched linearly beyond), learnt by rolling-origin
// evaluation on the M3 yearly training years with every series weighted
// equally (calibration.json; forecast/internal/calibrate regenerates it). The
// scale shrinks the series' own volatility toward a pooled one:
//
//	s² = (k s₀² + m s_own²)/(k + m),  k = 10
//
// s_own the mean absolute annual change over the last m ≤ 10 real
// differences, s₀ the pooled scale of the series' own kind: Options.PooledScale
// (the backtest command pools per category of the file's training years with
// GroupPooledScales, and the table was learnt the same way), else
// DefaultPooledScale, the median over M3's MACRO series, which is the kind
// plancast's indicators are. Intervals are nested around the mean and never
// narrow with the horizon; CDF gives the whole distribution (exponential
// tails beyond the 0.5% and 99.5% quantiles) for target probabilities.
//
// Pooling per group and k = 10 replaced a single file-wide s₀ and k = 3. The
// evidence is on ten training-only windows: for cut = 6 … 15 a table is
// learnt from the years before the 6 years that end cut years before the end
// of each series and scored on those 6 (research_intervals_test.go). Means
// over the ten windows, 80% / 95% coverage, MSIS, and "catdev", the
// series-weighted mean absolute gap between a category's 80% coverage and the
// overall one:
//
//	                              full histories             last 6 years    last 3 years
//	s₀ file-wide, k = 3         0.785/0.930 36.61 0.090   0.792/0.941 31.23
//	s₀ file-wide, k = 10        0.788/0.928 33.30 0.109   0.794/0.942 31.28
//	s₀ per category, k = 3      0.768/0.926 36.60 0.053   0.784/0.942 28.06   MSIS 374
//	s₀ per category, k = 10     0.768/0.925 29.58 0.056   0.788/0.944 26.91   MSIS 68
//	(k = 6, 20, 40 per category: full MSIS 30.08, 30.10, 31.18; 6-year 26.79, 27.81, 29.19)
//
// A single s₀ shrinks a smooth series (population, a steady aggregate) toward
// the volatility of noisy ones and a noisy one toward the smooth ones, so the
// old table over-covered MACRO (0.92–0.98 at 80%) and DEMOGRAPHIC (0.84) and
// under-covered MICRO, INDUSTRY and FINANCE (0.60–0.71); per-category s₀
// halved that spread. With s₀ of the right kind, trusting it more (k = 10
// pseudo-differences instead of 3) cut MSIS by a fifth and, for 3-point
// series, from 374 to 68; a file without categories gets k = 10 with one s₀,
// which is no worse than k = 3 there either (second row). Other measures of s_own, with s₀ per category and
// k = 3 (full-history means): mean |Δx − mean Δx| 0.670/0.877 MSIS 115; the
// same around the median 0.667/0.875 MSIS 148; RMS of Δx 0.757/0.921 MSIS
// 32.9 (but 41.8 against 28.5 on the test years); their means with the
// current one 0.72–0.74, MSIS 56–65; the last 5, 7 or 15 differences
// instead of 10: 0.762–0.765, MSIS 31.2–33.4 (test 44–50 for 5 and 7).
// None beat the mean absolute change over the last 10 on both.
//
// Per window, the adopted scheme (full histories):
//
//	cut    6     7     8     9     10    11    12    13    14    15    mean
//	80%  0.762 0.782 0.780 0.770 0.787 0.807 0.829 0.768 0.740 0.658  0.768
//	95%  0.924 0.931 0.935 0.930 0.935 0.944 0.948 0.926 0.926 0.846  0.925
//
// On the M3 test years it covers 0.856 / 0.964 (before: 0.880 / 0.974), MSIS
// 24.8 (30.7); from the last 6 years 0.781 / 0.941, MSIS 25.5 (45.7). The test
// years are calmer than every training window (the long INDUSTRY and FINANCE
// series cover 0.56–0.83 in the windows, 0.91 there: their training years
// hold the 1970s), and the training evidence asks for intervals as wide as
// these, so the table is not narrowed to fit the test years. No uniform
// narrowing would do either: the full file needs a width factor ≤ 0.92 to
// cover 0.83, and the short file falls below 0.77 for any factor < 0.97
// (bench/interval_width.py; table in bench/forecast.md). Earlier
// alternatives (file-wide s₀, k = 3; cuts 6, 9, 12): the own scale over the
// last 4 or 6 differences or the whole history moved coverage by at most
// ±0.02 and MSIS by −3.3 to +8.8; a per-series factor on the table from the
// series' own rolling-origin errors (median |z| relative to the table's,
// shrunk with origins/(origins + κ), κ = 5 or 20) moved coverage by
// −0.03…+0.01 and made MSIS worse at cut 6 (45–179) and, for κ = 5, at cut 9
// (56). Neither was adopted.
//
// The distribution is centred on the point forecast: each horizon's table
// quantiles less their median (forecast.go, centred), so that the value
// shown as projected is the one the outcome is as likely to fall short of
// as to pass, and a target at it is met with probability one half. The
// table's median carried the training years' bias of the point; kept, a
// projection of 147.2 gave a target of 147.24 a 61% chance. Centring
// moved MSIS on the training windows from 29.43 to 28.68 (the last 6
// years: 26.97 to 26.98) and on the test years from 25.59 to 25.12 and
// 25.54 to 24.82, coverage staying in its band; target probabilities came
// out about even (better on M3's full file, worse on one holdout panel's
// growth targets; bench/forecast.md, thirteenth round). Moving the point
// to the median instead made it less accurate (15.825 / 2.745 and
// 17.243 / 2.620).
//
// A linear model (drift_linear, damped_linear) on a positive series can run
// past zero, where the log scale has no value: the point is then floored at
// 1/1000 of the last figure, and the table's errors around that floor would
// say the outcome is within thousandths of the last figure ("0.02 [0.02,
// 0.02]" after 100, 80, 60, 40, 20). For such a year the quantiles above the
// median (the floor, which stays the point) are lifted toward the table's
// quantiles around the last figure, by a share rising linearly from 0 at
// the median to all of the gap at 0.9 (forecast.go, reachUp): the upper
// bounds are those of a series that stops falling, the mass between spread
// from near 0 up to them. Auto's are not lifted: its mean averages members
// on the log scale with the linear one, and is no linear extrapolation. On
// M3's two files 28 forecasts by drift_linear or damped_linear reached the
// floor; their outcomes were all hundreds or thousands of times it, and
// the 80% intervals around the floor covered none of them, the lifted ones
// 20 (auto's forecasts are unchanged).
//
// # Percentages of a whole
//
// Before the logit scale a share was modelled on the log scale and its
// projection clipped at 100: 97 rising a point a year read 100.0 with 80%
// and 95% bounds of 100.0, and the probability of reaching 99.9 was the
// mass piled at the cap. The logit scale was compared with that on the
// held-out years of yearly percentages of a whole (research_share_test.go,
// testdata/shares/export.R): R, as published in Debian's R packages (US
// states' unemployment rates, plm's Produc 1970–86 and AER's Fatalities
// 1982–88, the US rate 1950–2000 from USMacroG; the share of drivers aged
// 15–24, Fatalities; the male, African-American and Caucasian shares of
// state populations, AER's Guns 1977–99; the share of young males in North
// Carolina's counties, plm's Crime 1981–87); Rc, their complements 100 − v
// (an employment rate beside an unemployment rate), near 100 where the two
// scales differ most; and S, the share and unemployment series of plancast
// gen (300 counties, 30 years). The last 6 years of a series of 12 or more
// were held out, else the last 3; auto, DefaultPooledScale. The rule,
// written down before the run: adopt only if on each of R, Rc and S sMAPE
// and MASE are no more than 1% worse and the 80% and 95% coverages no
// further from nominal. Pooled over series and years (MSIS at 95%; "at
// 0/100": projected points whose mean or a bound is exactly 0 or 100):
//
//	                            sMAPE  MASE   cov80  cov95  MSIS    at 0/100
//	R  388 series  log, clipped 6.271  1.798  0.903  0.979   33.06  0
//	   1,770 years logit        6.272  1.800  0.904  0.979   28.42  0
//	Rc complements log, clipped 0.773  1.828  0.998  1.000  179.18  64.0%
//	               logit        0.770  1.800  0.905  0.977   28.49  0
//	S  900 series  log, clipped 6.287  1.839  0.876  0.979   15.25  0
//	   5,400 years logit        6.092  1.779  0.869  0.978   14.33  0
//
// Near 100 (Rc) the clipped log scale put 64% of the projected points at
// 100 and covered everything (0.998 / 1.000, MSIS 179); the logit scale
// covers 0.905 / 0.977, as it does the same data mirrored (R), with MSIS
// 28. On R, shares of 0.2–77% where the two scales nearly coincide, the
// logit's 80% intervals held one outcome more of 1,770 (1,600 against
// 1,599), both ten points above nominal: by the letter of the rule, a miss
// there; every other comparison of the rule was met, on Rc and S with room.
// Adopted against that letter, as a judgement recorded here: the miss is
// one outcome in 1,770 on intervals both ten points wide of nominal, where
// the logit's MSIS is 14% lower; and the defect the scale answers (a user
// test: a share at 99.5 rising half a point a year given a 95% interval
// down to 90.9 and "100.0" bounds, a floor of 99 judged 64%) is what the
// clip does near 100, where Rc shows it covering everything.
//
// Targets at a limit. Plans set shares of exactly 100 (覆盖率达到100%,
// 处理率100%) and of 0 (消除劣V类水体), which the logit scale never
// projects: read literally, such a target has probability 0 whatever the
// figures (99.95 rising toward 100: "probability 0% (off_track)" beside
// "at that pace the target is reached in 2025"). A figure is published at
// its decimals, and one of two decimals reads 100 from 99.995 on; so a
// target at the upper limit of its indicator (100 for a percentage of a
// whole, met at or above it) is judged P(value ≥ 100 − ½·10^−d), and one
// at 0 (a ceiling, or a level or share of an indicator better lower, on an
// indicator never negative) P(value < ½·10^−d), d the most decimals any of
// the series' figures is written with (LimitEdge; plancast.Decimals, on up
// to six). An observed figure is judged at its decimals the same way:
// 99.95 does not read 100, and misses.
//
// One rule for every target of a series, so that a harder target never
// gets a higher probability: a target within half a unit of the figures'
// last decimal of a limit is judged as the limit is, since exactly the
// figures that read as the limit meet it (with figures of one decimal, a
// share of 99.99 or 99.96 is judged P(value ≥ 99.95), as 100 is; a
// ceiling of 0.01 or 0.04, P(value < 0.05), as 0 is); any other target
// is judged at itself. The level a target is judged at then never falls
// as the target rises, nor rises as a ceiling falls:
//
//	judged(T) = T               for T ≤ 100 − ½·10^−d
//	          = 100 − ½·10^−d   for 100 − ½·10^−d < T ≤ 100
//	judged(T) = ½·10^−d         for 0 ≤ T < ½·10^−d, a target met below it
//
// Judged at itself, such a target was harder than the limit: P 4% for a
// forest cover of 99.99 beside 42% for 100, 1% for a poverty ceiling of
// 0.01 beside 46% for 0. The explanation says where the
// target is met ("met from 99.995 up, which figures of two decimals write
// as 100"), and its pace is the gap to the limit narrowing at the
// history's rate, as the logit scale narrows it, down to the edge: points
// a year would run past the limit (99.0 to 99.95 in 2020–2024, +0.24
// points a year, "reached in 2025" beside a probability of 1%; the gap, 1
// to 0.05, narrows 52.7% a year and reads 100 in 2028).
//
// So is every other level or share target of a percentage of a whole:
// its gap to the limit it lies toward (100 for a target met above, 0 for
// one met below) narrowing at the history's rate, down to the target
// itself, so that one series has one pace and no pace runs past a limit.
// Paced in points, a forest cover of 99.8 after 96.0 in 2018 (+0.63
// points a year, 100.43 in 2025) reached a target of 99.95 "in 2025, 5
// years early", while its gap to 100, 4.0 to 0.2 narrowing 39.3% a year,
// reached the same 99.95 in 2027 as the threshold of its target of 100;
// now 99.95 is reached in 2027 for both, and 99.9 in 2026. The pace
// reaches a target where P(meet) counts it met (the edge for one judged at
// the limit, the target itself for any other), not where its path reads
// as the target at the figures' decimals: a forest cover of 99.7 whose gap
// narrows 30.1% a year is 99.853 in 2026, which one decimal writes 99.9,
// and "reached in 2026, a year early" stood beside P(meet) 22% (at_risk)
// for a 2027 target of 99.9 that judges 99.853 short; it is reached in
// 2028. Only a shortfall under a thousandth of the figures' last decimal,
// which the geometric path leaves where its points a year equal the
// required ones, counts as reached (limit_target.go).
//
// Except where the figures follow a straight line in points more closely
// than the gap's path, and that line stays short of the limit to the
// target year: then the target is paced at the history's points a year,
// the pace the explanation states beside the needed one ("needs +1.0
// points a year (history: +1.1 points a year)"), so that the sentence
// does not then reach the target "at the history's pace" a year late on
// another. Where the gap is the pace and the history's points a year are
// said too, the sentence says why: "those points a year would run past
// 100", or "its figures follow their gap to 100 more closely than those
// points a year" (pacedInPoints). A percentage
// of no whole (a growth rate, a change in prices) is still paced in
// points a year.
//
// # Targets
//
// Assess computes the required growth, the projection of the compared
// quantity at the target year, the probability of meeting the target and the
// share of progress; the status thresholds are documented on
// OnTrackProbability. A target is achieved by the figure of its own year
// alone: a level, share, ceiling or floor that an earlier figure already
// meets is judged on its year's projection like any other (a year's oil
// output of 1.03 against 1 for the next year, projected at 0.97, is
// at_risk, where it was "achieved, 100%"), and its explanation says where
// the latest figure stands ("already at 6,200 in 2020, above the 5,900
// set for 2021; projected …"). ProbabilityCheck measures those probabilities on
// held-out years (plancast backtest --check-probabilities): level and annual
// growth targets set around each series' pace and judged as Assess judges
// them. Measured on the engine as it is (bench/forecast.md, fifteenth
// round; the method is the tenth round's), on M3's two files and last
// training window and the three holdout panels: level targets given under
// 1% were met 41 times in 16,370; off_track ones 1.0–4.0% of the time
// against 3.3–5.4% given on five files, 6.3% against 4.4% on M3's six-year
// file; on_track ones 44–83% against 57–69% given, the error following the
// median's bias in the held-out years. Growth targets over a projected
// year, whose spread is the one-year error (growthProbability), fare about
// as well: off_track met 0.7–5.7% (9.4% on the Swedish municipalities),
// on_track 57–79% against 56–63% given; a learnt table of one-year
// changes' errors did no better on M3's training years (eleventh round).
// An average growth over k projected years gets the k-year error: with the
// one-year error, 2.2% of such targets given under 1% were met; with the
// k-year one, 34 in 11,428 (0.30%).
//
// A growth over a base year without a figure of its own (2020, with 2018
// and 2021 stored) to a year still projected is measured from the base's
// interpolated level, which is as uncertain as the bridge says (bridge.go).
// On the working scale, given the stored figures, x_Y = x̂_Y + s z_h and
// x_B = x̃_B + s √f_B z′₁ are independent, so on the log scale
//
//	x_Y − x_B = (x̂_Y − x̃_B) + s (z_h − √f_B z′₁),   var = s² (var z_h + f_B var z₁)
//
// z_h the projection's centred error h = Y − n years ahead, z′₁ a draw of
// the one-year error, f_B = (B − a)(b − B)/(b − a) (on the logit scale the
// ratio of the two levels is read from the same two distributions).
// Independent: a random walk tied to the stored figures around B is, given
// them, independent of its drift and of the shocks after the latest figure,
// of which the projection's error is made (interpbase.go). The growth's
// distribution is the mixture of the target year's over the base's,
// re-centred on the growth shown, so its interval is wider than the target
// year's alone and its probabilities nearer one half. Taken as exact (until
// November 2026), the base left the growth's intervals short. Measured on
// M3's yearly training years (research_interpbase_test.go: at five origins
// per series, B − 1 and B = T − 5 left out, the average growth from B to T
// at the series' pace −5 … +5 points a year, T one or four years after the
// latest figure) and on 2,000 random walks with drift of 0–10% and shocks
// of 1–6% a year (TestAGrowthFromAnInterpolatedBaseCoversRandomWalks: 2020
// to 2025 at the pace −2 … +2 points, 2019 and 2020 left out): 80% / 95%
// coverage of the growth's interval, calibration error (the gap between
// the probability given and the share met, in bins 0–10–30–50–70–90–100%,
// averaged over the targets) and Brier score:
//
//	                            base stored          interpolated, as exact  interpolated, its spread
//	M3, 1 year ahead            .806/.949 .005 .071  .720/.905 .025 .094     .831/.949 .011 .094
//	M3, 4 years ahead           .784/.945 .005 .144  .750/.925 .022 .161     .788/.942 .012 .160
//	walks, to 2018, 2021, 2024  .896/.986 .053 .093  .852/.974 .040 .114     .948/.998 .074 .120
//	walks, every third year     .839/.975 .081 .102  .763/.961 .079 .124     .887/.987 .076 .124
//	walks, to 2018, 2021        .897/.986 .098 .193  .809/.980 .200 .238     .854/.988 .195 .236
//
// On the real series the bridge's own intervals held the base's figure
// 0.807 / 0.947 of the time (0.813 / 0.952 four years ahead), and with the
// base's spread the growth's intervals cover as those over a stored base do
// and the calibration error halves. On the walks the intervals fall short
// of the stored base's by at most 4 points at 80% (4–9 before) and pass
// nominal, as the stored base's do; where the base's spread dominates, one
// year ahead, the probabilities grow more timid (calibration error .040 to
// .074, Brier .114 to .120; the other two layouts gain a little). The
// table, learnt on M3, is wider than a walk's errors (with the base
// stored, targets given 81% were met 93% of the time), and the bridge's
// spread, one year's forecast error, is 1.7–2.1 times a walk's own bridge
// (with the walk's own: .911/.989 .054 .113). Real series move between
// their figures as the bridge says, so it is kept.
//
// A target of the year after the latest figure is judged
// on the year to date when its figures are given (Options.YearToDate): the
// rest of the year is expected to grow on the same months of the year
// before as the year so far did, and its growth over the year so far's to
// spread about as much as a year's growth around the yearly model's (a
// random walk of monthly shocks gives 1.005–1.021 times; the series' own
// past years, where given, are learnt from), so that the year's spread is
// the rest's share of the year times that: a quarter of the yearly model's
// after September. It used to be √(12/(12 − m)) yearly spreads for m months
// known, twice the yearly after September, and covered 98% of real years
// in its 80% intervals; it now covers 80–89% (yeartodate.go states the
// model and its checks on simulated and real monthly and quarterly flows).
// A target of a later year whose months are given for it and every year
// back to the latest figure's is judged on them too, the years between
// taken at their nowcasts; until then it was judged on the yearly model,
// its months unsaid (a fall of 16.7% in January–September read as +3.3%,
// probability 25%). A growth target judged on the stated growth takes its
// year's gap from the months when they state their growth: log(P/P₀) −
// log(1 + g), the gap of the months' figures to their stated g (until then
// the recent years' mean gap was added to the months' current-price growth:
// January–September stated +5.0%, +4.8% at current prices, against a +5%
// target read as +3.2%, the rest of the year needing +11.4%). Without the
// same months of the year before, their stated growth gives them, P₀ =
// P/((1 + g)·e^d̄), d̄ the yearly figures' recent gap; without it, the
// answer says the months were not read and what to push. What the rest of
// the year needs for such a target is given at current prices, as the
// months' change is, and on the stated basis the target is judged on,
// (1 + r)·e^−d − 1 at the year's gap d (RequiredRestStatedGrowth): "+6.3%
// at current prices (stated +5.0%)" for the months read beside "the rest
// of the year needs +6.3%" against a +5% target, which on the stated basis
// the rest needs (+5.0%).
package forecast
