# Exports yearly regional and macroeconomic panels shipped with Debian's R
# packages (AER, plm, datasets) to the long format of ../shared/bench/
# (series_id, category, value, timestamp), as data plancast was never tuned
# on. The category is the indicator, so `plancast backtest` pools volatility
# across the regions of one indicator, as the issue asks.
#
# usage: Rscript export.R OUTDIR      (writes OUTDIR/regional.csv and OUTDIR/municipal.csv, and
#                                     OUTDIR/national.csv when r-cran-pwt9 is installed)
suppressMessages({ library(AER); library(plm) })
out <- commandArgs(TRUE)[1]
rows <- list()
add <- function(dataset, var, unit, years, values) {
  ok <- is.finite(values)
  if (sum(ok) < 9 || any(values[ok] <= 0) || !all(ok)) return(invisible())
  rows[[length(rows) + 1]] <<- data.frame(
    series_id = paste(dataset, var, gsub("[^A-Za-z0-9]+", "_", unit), sep = "."),
    category = paste(dataset, var, sep = "."), value = values, timestamp = years)
}
panel <- function(dataset, d, unit, year, vars) {
  for (u in unique(d[[unit]])) {
    s <- d[d[[unit]] == u, ]
    s <- s[order(s[[year]]), ]
    for (v in vars) add(dataset, v, as.character(u), as.integer(as.character(s[[year]])), as.numeric(s[[v]]))
  }
}
data(Cigar, package = "plm")     # 46 US states, 1963–1992
Cigar$year <- Cigar$year + 1900
panel("cigar", Cigar, "state", "year", c("price", "pop", "pop16", "ndi", "sales"))
add("cigar", "cpi", "US", 1963:1992, Cigar$cpi[Cigar$state == Cigar$state[1]])
data(Produc, package = "plm")    # 48 US states, 1970–1986
panel("produc", Produc, "state", "year", c("pcap", "hwy", "water", "util", "pc", "gsp", "emp", "unemp"))
data(Guns, package = "AER")      # 51 US states, 1977–1999
panel("guns", Guns, "state", "year", c("violent", "prisoners", "population", "income"))
data(Grunfeld, package = "AER")  # 11 US firms, 1935–1954
panel("grunfeld", Grunfeld, "firm", "year", c("invest", "value", "capital"))
data(USAirlines, package = "AER") # 6 US airlines, 1970–1984
panel("airlines", USAirlines, "firm", "year", c("output", "cost", "price"))
data(ChinaIncome, package = "AER") # China's national income by sector, 1952–1988
for (v in colnames(ChinaIncome)) add("china", "income", v, 1952:1988, as.numeric(ChinaIncome[, v]))
data(USMacroG, package = "AER")  # US macro, quarterly 1950–2000: yearly means
yr <- floor(time(USMacroG))
for (v in c("gdp", "consumption", "invest", "government", "dpi", "cpi", "m1", "population"))
  add("usmacro", v, "US", sort(unique(yr)), as.numeric(tapply(USMacroG[, v], yr, mean)))
write.csv(do.call(rbind, rows), file.path(out, "regional.csv"), row.names = FALSE)

rows <- list()
data(Municipalities, package = "AER") # 265 Swedish municipalities, 1979–1987: a county-length panel
panel("municipal", Municipalities, "municipality", "year", c("expenditures", "revenues", "grants"))
write.csv(do.call(rbind, rows), file.path(out, "municipal.csv"), row.names = FALSE)
n <- function(f) { d <- read.csv(file.path(out, f)); sprintf("%s: %d series, %d rows", f, length(unique(d$series_id)), nrow(d)) }
cat(n("regional.csv"), "\n", n("municipal.csv"), "\n", sep = "")

# Penn World Table 9.1 (182 countries, 1950–2017), national accounts at
# constant national prices: real GDP, consumption, domestic absorption and
# capital stock, population and employment. Each series is the run of
# consecutive years with a positive value that ends at its last such year,
# when it has at least 12 (6 to train, 6 to hold out).
if (requireNamespace("pwt9", quietly = TRUE)) {
  rows <- list()
  data("pwt9.1", package = "pwt9")
  for (u in unique(pwt9.1$isocode)) {
    s <- pwt9.1[pwt9.1$isocode == u, ]
    s <- s[order(s$year), ]
    for (v in c("rgdpna", "rconna", "rdana", "rnna", "pop", "emp")) {
      ok <- is.finite(s[[v]]) & s[[v]] > 0
      if (!any(ok)) next
      last <- max(which(ok))
      first <- last
      while (first > 1 && ok[first - 1]) first <- first - 1
      if (last - first + 1 >= 12) add("pwt", v, as.character(u), s$year[first:last], s[[v]][first:last])
    }
  }
  write.csv(do.call(rbind, rows), file.path(out, "national.csv"), row.names = FALSE)
  cat(n("national.csv"), "\n", sep = "")
}
