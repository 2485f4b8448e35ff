# Monthly and quarterly flows for forecast/yeartodate_test.go: real series whose months (or
# quarters) add up to a year, to check the year-to-date intervals against the years that followed.
# Regenerate (from the repository root; needs R with the AER package, Debian r-cran-aer) with:
#   Rscript forecast/testdata/subannual.R > forecast/testdata/subannual.csv
# Columns: series, freq (12 monthly, 4 quarterly), year, sub (the month or quarter), value.
# Sources: R's datasets (AirPassengers: airline passengers 1949-60; UKDriverDeaths 1969-84;
# UKgas: UK gas consumption 1960-86; JohnsonJohnson: quarterly earnings 1960-80) and AER
# (DutchSales: Dutch retail sales index 1960-95; UKNonDurables: UK consumption of non-durables
# 1955-88; USMacroG: US GDP, consumption, investment, government spending and disposable income
# 1950-2000; USMacroSWM: US industrial production 1947-2004; USProdIndex: US production index,
# unadjusted, 1960-91; OrangeCounty: US real GNP 1965-83, as Baltagi gives it beside the
# county's employment).
suppressMessages(library(AER))
emit <- function(name, x) {
  x <- as.ts(x); f <- frequency(x); tt <- time(x)
  yr <- floor(round(tt * f) / f + 1e-9); sub <- round((tt - yr) * f) + 1
  for (i in seq_along(x)) if (!is.na(x[i])) cat(sprintf("%s,%d,%d,%d,%s\n", name, f, yr[i], sub[i], format(x[i], digits = 10)))
}
cat("series,freq,year,sub,value\n")
data(AirPassengers); emit("AirPassengers", AirPassengers)
data(UKDriverDeaths); emit("UKDriverDeaths", UKDriverDeaths)
data(UKgas); emit("UKgas", UKgas)
data(JohnsonJohnson); emit("JohnsonJohnson", JohnsonJohnson)
data("DutchSales", package = "AER"); emit("DutchSales", DutchSales)
data("UKNonDurables", package = "AER"); emit("UKNonDurables", UKNonDurables)
data("USMacroG", package = "AER")
for (c in c("gdp", "consumption", "invest", "government", "dpi")) emit(paste0("USMacroG.", c), USMacroG[, c])
data("USMacroSWM", package = "AER"); emit("USMacroSWM.production", USMacroSWM[, "production"])
data("USProdIndex", package = "AER"); emit("USProdIndex.unadjusted", USProdIndex[, "unadjusted"])
data("OrangeCounty", package = "AER"); emit("OrangeCounty.gnp", OrangeCounty[, "gnp"])
