# Reference forecasts for forecast/reference_test.go, computed with R's forecast package.
# Regenerate (from the repository root) with:
#   Rscript forecast/testdata/reference.R forecast/testdata/ref_series.csv forecast/testdata/reference.csv
# Each series is modelled on the log scale, as plancast does for positive series; damped_linear
# is the damped trend on the original values (in their unit, not logs).
suppressMessages(library(forecast))
args <- commandArgs(TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE)
h <- 6
rows <- list(); k <- 0
add <- function(id, m, f, sse) {
  k <<- k + 1
  rows[[k]] <<- data.frame(series = id, method = m, h = 1:h, value = as.numeric(f), sse = sse)
}
for (id in unique(d$series)) {
  y <- ts(log(d$value[d$series == id]), start = 1)
  add(id, "naive", naive(y, h = h)$mean, NA)
  add(id, "drift", rwf(y, drift = TRUE, h = h)$mean, NA)
  add(id, "trend", forecast(tslm(y ~ trend), h = h)$mean, NA)
  f <- ets(y, model = "ANN"); add(id, "ses", forecast(f, h = h)$mean, sum(residuals(f)^2))
  f <- ets(y, model = "AAN", damped = FALSE); add(id, "holt", forecast(f, h = h)$mean, sum(residuals(f)^2))
  f <- ets(y, model = "AAN", damped = TRUE); add(id, "damped", forecast(f, h = h)$mean, sum(residuals(f)^2))
  add(id, "theta", thetaf(y, h = h)$mean, NA)
  f <- ets(exp(y), model = "AAN", damped = TRUE); add(id, "damped_linear", forecast(f, h = h)$mean, sum(residuals(f)^2))
}
write.csv(do.call(rbind, rows), args[2], row.names = FALSE)
