# Exports rate-like yearly series (percentages: unemployment, interest and
# inflation rates, shares) shipped with Debian's R packages to the long format
# of export.R (series_id, category, value, timestamp). Unlike export.R it keeps
# zero and negative figures: a rate may be either. Each series is its longest
# run of consecutive years with a finite value, when it has at least 2.
#
# usage: Rscript bench/jumps/rates.R OUTDIR      (writes OUTDIR/rates.csv)
suppressMessages({ library(AER); library(plm) })
out <- commandArgs(TRUE)[1]
rows <- list()
add <- function(dataset, var, unit, years, values) {
  ok <- is.finite(values)
  if (sum(ok) < 2) return(invisible())
  r <- rle(ok); ends <- cumsum(r$lengths); i <- which.max(ifelse(r$values, r$lengths, 0))
  keep <- (ends[i] - r$lengths[i] + 1):ends[i]
  rows[[length(rows) + 1]] <<- data.frame(
    series_id = paste(dataset, var, gsub("[^A-Za-z0-9]+", "_", unit), sep = "."),
    category = paste(dataset, var, sep = "."), value = values[keep], timestamp = years[keep])
}
panel <- function(dataset, d, unit, year, vars, scale = 1) {
  for (u in unique(d[[unit]])) {
    s <- d[d[[unit]] == u, ]
    s <- s[order(s[[year]]), ]
    for (v in names(vars)) add(dataset, v, as.character(u), as.integer(as.character(s[[year]])), scale * as.numeric(vars[[v]](s)))
  }
}
col <- function(v) function(s) s[[v]]
share <- function(part, whole) function(s) 100 * s[[part]] / s[[whole]]

data(Produc, package = "plm")         # 48 US states, 1970–1986
panel("produc", Produc, "state", "year", list(unemp = col("unemp"), hwy_share = share("hwy", "pcap"),
  water_share = share("water", "pcap"), util_share = share("util", "pcap"), pc_share = share("pc", "pcap")))
data(Fatalities, package = "AER")     # 48 US states, 1982–1988
panel("fatalities", Fatalities, "state", "year", list(unemp = col("unemp"), emppop = col("emppop"),
  baptist = col("baptist"), mormon = col("mormon"), dry = col("dry"), youngdrivers = function(s) 100 * s$youngdrivers))
data(Cigar, package = "plm")          # 46 US states, 1963–1992
Cigar$year <- Cigar$year + 1900
panel("cigar", Cigar, "state", "year", list(pop16_share = share("pop16", "pop")))
data(Municipalities, package = "AER") # 265 Swedish municipalities, 1979–1987
panel("municipal", Municipalities, "municipality", "year", list(grants_share = share("grants", "revenues"),
  expenditure_share = share("expenditures", "revenues")))
data(USMacroG, package = "AER")       # US macro, quarterly 1950–2000: yearly means
yr <- floor(time(USMacroG))
for (v in c("unemp", "tbill", "inflation", "interest"))
  add("usmacro", v, "US", sort(unique(yr)), as.numeric(tapply(USMacroG[, v], yr, mean)))
for (v in c("invest", "consumption", "government"))
  add("usmacro", paste0(v, "_share"), "US", sort(unique(yr)), 100 * as.numeric(tapply(USMacroG[, v] / USMacroG[, "gdp"], yr, mean)))
if (requireNamespace("pwt9", quietly = TRUE)) { # Penn World Table 9.1: shares and rates as fractions
  data("pwt9.1", package = "pwt9")
  v <- c("labsh", "csh_c", "csh_i", "csh_g", "csh_x", "csh_m", "csh_r", "delta", "irr")
  panel("pwt", pwt9.1, "isocode", "year", setNames(lapply(v, col), v), scale = 100)
}
d <- do.call(rbind, rows)
write.csv(d, file.path(out, "rates.csv"), row.names = FALSE)
cat(sprintf("rates.csv: %d series, %d rows\n", length(unique(d$series_id)), nrow(d)))
