# Exports yearly percentages of a whole shipped with Debian's R packages (AER,
# plm) to the long format of ../shared/bench/ (series_id, category, value,
# timestamp), for the research harness research_share_test.go, which compares
# the logit working scale of a share with the log scale and the clip at 100.
#
# usage: Rscript export.R OUTDIR   (writes OUTDIR/shares.csv and, for each of
#                                   its series, its complement 100 − v in
#                                   OUTDIR/complements.csv)
#
# A series with a missing figure, or a figure at or outside 0 or 100, is left
# out: it keeps the log scale (or its own) either way.
suppressMessages({ library(AER); library(plm) })
out <- commandArgs(TRUE)[1]
rows <- list()
add <- function(dataset, var, unit, years, values) {
  if (!all(is.finite(values)) || any(values <= 0 | values >= 100)) return(invisible())
  rows[[length(rows) + 1]] <<- data.frame(
    series_id = paste(dataset, var, gsub("[^A-Za-z0-9]+", "_", unit), sep = "."),
    category = paste(dataset, var, sep = "."), value = values, timestamp = years)
}
panel <- function(dataset, d, unit, year, vars, times = 1) {
  for (u in unique(d[[unit]])) {
    s <- d[d[[unit]] == u, ]
    s <- s[order(s[[year]]), ]
    for (v in vars) add(dataset, v, as.character(u), as.integer(as.character(s[[year]])), times * as.numeric(s[[v]]))
  }
}
data(Produc, package = "plm")       # 48 US states, 1970–1986: unemployment rate
panel("produc", Produc, "state", "year", "unemp")
data(Fatalities, package = "AER")   # 48 US states, 1982–1988
panel("fatalities", Fatalities, "state", "year", "unemp")
panel("fatalities", Fatalities, "state", "year", "youngdrivers", 100) # share of drivers aged 15–24
data(USMacroG, package = "AER")     # US, quarterly 1950–2000: yearly mean unemployment rate
yr <- floor(time(USMacroG))
add("usmacro", "unemp", "US", sort(unique(yr)), as.numeric(tapply(USMacroG[, "unemp"], yr, mean)))
data(Guns, package = "AER")         # 51 US states, 1977–1999: population shares
panel("guns", Guns, "state", "year", c("male", "afam", "cauc"))
data(Crime, package = "plm")        # 90 North Carolina counties, 1981–1987
Crime$year <- Crime$year + 1900
panel("crime", Crime, "county", "year", "pctymle", 100) # share of young males
d <- do.call(rbind, rows)
write.csv(d, file.path(out, "shares.csv"), row.names = FALSE)
d$value <- 100 - d$value
write.csv(d, file.path(out, "complements.csv"), row.names = FALSE)
cat(sprintf("shares.csv: %d series, %d rows\n", length(unique(d$series_id)), nrow(d)))
