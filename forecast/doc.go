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
//
// Smoothing parameters are estimated by least squares: the initial states
// are profiled out exactly (every error is linear in them), α alone by
// golden section, (α, β, φ) by gonum's Nelder–Mead within R's ets bounds.
// The models match R's forecast package (testdata/reference.R); where R's
// optimiser stops early ours reaches a lower SSE.
//
// # Automatic combination
//
// "auto" is the equal-weight mean, on the original scale, of naive,
// drift_robust, drift_shrunk and drift_linear. It was chosen among all
// equal-weight combinations of up to four models from a pool of 14 variants
// (the models above on both scales, damping 0.8/0.9, shrinkage k = 0.5…8,
// windowed drifts) by the mean of relative sMAPE and MASE against naive on
// two validation sets cut from the M3 yearly training years only (each
// series' last 6 training years forecast from the rest, and from the 6 years
// before them), never the test years. Measured at selection (sMAPE / MASE):
//
//	                         full-val      short-val     full-test     short-test
//	auto (this mix)          18.23 / 3.182 18.65 / 2.718 15.67 / 2.592 17.32 / 2.575
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
// 15). Below: scores relative to this mix (mean of the sMAPE and MASE ratios;
// "3 splits" is the full cuts 6, 9, 12 alone), and the one confirmation on
// the test years that each candidate then got (sMAPE / MASE):
//
//	                                   3 splits    10+4 splits    full test     short test
//	naive, drift_robust, drift_shrunk,
//	  damped (original scale)          0.982       0.990 / 0.998  15.48 / 2.619 17.29 / 2.570
//	drift_shrunk, theta, damped (orig.),
//	  drift_shrunk k=4 (orig.)         –           0.985 / 0.990  15.58 / 2.606 17.54 / 2.551
//	per-series inverse-MASE weights of
//	  this mix, last 4–20 origins,
//	  shrunk 25–100% toward equal      –           0.999–1.022 / 1.001–1.019 (won 1–7 of 14 splits)
//
// Both combinations gained 1–2% on the training splits and lost it on the
// test years (full MASE 2.592 → 2.606–2.619; the second broke the short
// sMAPE target), so neither was adopted: a 1–2% gain is inside the
// period-to-period spread of these splits. Per-series weights lost on the
// training splits already. Equal weights of the mix above stay.
// The lesson of the table: on yearly data the trend must be extrapolated
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
//	s² = (k s₀² + m s_own²)/(k + m),  k = 3
//
// s_own the mean absolute annual change over the last m ≤ 10 real
// differences, s₀ the pooled scale: Options.PooledScale (the backtest
// command pools over the file's training years; the API can pool across
// regions for one indicator), else DefaultPooledScale, the median over M3's
// MACRO series. Intervals are nested around the mean and never narrow with
// the horizon; CDF gives the whole distribution (exponential tails beyond the
// 0.5% and 99.5% quantiles) for target probabilities.
//
// The table is checked on ten training-only windows: for cut = 6 … 15 it is
// learnt from the years before the 6 years that end cut years before the end
// of each series and scored on those 6 (full histories; 80% / 95% coverage):
//
//	cut    6     7     8     9     10    11    12    13    14    15    mean
//	80%  0.780 0.797 0.786 0.774 0.788 0.814 0.856 0.791 0.770 0.691  0.785
//	95%  0.930 0.933 0.937 0.933 0.936 0.946 0.961 0.941 0.926 0.860  0.930
//
// On the M3 test years the same scheme covers 0.880 / 0.974: the calmest of
// the eleven windows. The training evidence asks for intervals as wide as
// these or wider, never narrower, so the table is not narrowed to fit the
// test years. Alternatives measured on cuts 6, 9, 12 (with a candidate mix in
// place, coverage 0.774/0.775/0.867 at 80% and MSIS 36.7/36.2/31.0 as
// baseline): the own scale over the last 4 or 6 differences or the whole
// history moved coverage by at most ±0.02 and MSIS by −3.3 to +8.8 (4
// differences worst); a per-series factor on the table from the series' own
// rolling-origin errors (median |z| relative to the table's, shrunk with
// origins/(origins + κ), κ = 5 or 20) moved coverage by −0.03…+0.01 and made
// MSIS worse at cut 6 (45–179) and, for κ = 5, at cut 9 (56). Neither was
// adopted.
//
// # Targets
//
// Assess computes the required growth, the projection of the compared
// quantity at the target year, the probability of meeting the target and the
// share of progress; the status thresholds are documented on
// OnTrackProbability.
package forecast
