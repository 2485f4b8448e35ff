package plancast

import "time"

// A partial period that runs from January (q1, h1, jan-feb … jan-nov) is a
// figure of the year to date: the whole year's figure is that figure plus
// the rest of the year, so it says most of what the year will be before the
// year is over. q2–q4 and h2 do not start in January and are not.

// YearToDatePeriods are the year-to-date periods, from the fewest months
// covered to the most; an alias follows its twin (q1 = jan-mar, h1 = jan-jun).
var YearToDatePeriods = []string{
	"jan-feb", "q1", "jan-mar", "jan-apr", "jan-may", "h1", "jan-jun",
	"jan-jul", "jan-aug", "jan-sep", "jan-oct", "jan-nov",
}

// yearToDateMonths is the months from January each year-to-date period covers.
var yearToDateMonths = map[string]int{
	"jan-feb": 2, "q1": 3, "jan-mar": 3, "jan-apr": 4, "jan-may": 5, "h1": 6, "jan-jun": 6,
	"jan-jul": 7, "jan-aug": 8, "jan-sep": 9, "jan-oct": 10, "jan-nov": 11,
}

// YearToDateMonths reports how many months from January period p covers;
// ok is false when p is not a year-to-date period (the whole year, h2, q2–q4).
func YearToDateMonths(p string) (months int, ok bool) {
	months, ok = yearToDateMonths[p]
	return months, ok
}

// YearToDateKeys are the keys of the year-to-date series of k's region and
// indicator ind, in the order of YearToDatePeriods: none when ind's figures
// do not add up over the year (a rate; kind level only), which no year to
// date can judge.
func YearToDateKeys(k SeriesKey, ind Indicator) []SeriesKey {
	if ind.Kind != KindLevel {
		return nil
	}
	keys := make([]SeriesKey, len(YearToDatePeriods))
	for i, p := range YearToDatePeriods {
		keys[i] = SeriesKey{Region: k.Region, Indicator: k.Indicator, Period: p}
	}
	return keys
}

// PeriodName is how a sentence names period p: "January–November", "first
// half" / "1—11月", "上半年". The whole year is named by its year alone,
// so it has no name here ("").
func PeriodName(p string, zh bool) string {
	if zh {
		return periodNamesZh[p]
	}
	return periodNames[p]
}

var periodNames = map[string]string{
	"h1": "first half", "h2": "second half",
	"q1": "first quarter", "q2": "second quarter", "q3": "third quarter", "q4": "fourth quarter",
	"jan-feb": "January–February", "jan-mar": "January–March", "jan-apr": "January–April", "jan-may": "January–May",
	"jan-jun": "January–June", "jan-jul": "January–July", "jan-aug": "January–August", "jan-sep": "January–September",
	"jan-oct": "January–October", "jan-nov": "January–November",
}

var periodNamesZh = map[string]string{
	"h1": "上半年", "h2": "下半年", "q1": "一季度", "q2": "二季度", "q3": "三季度", "q4": "四季度",
	"jan-feb": "1—2月", "jan-mar": "1—3月", "jan-apr": "1—4月", "jan-may": "1—5月", "jan-jun": "1—6月",
	"jan-jul": "1—7月", "jan-aug": "1—8月", "jan-sep": "1—9月", "jan-oct": "1—10月", "jan-nov": "1—11月",
}

// JudgedKeys are the series a target on series k of indicator ind is judged
// on: the yearly series, and its year-to-date series (YearToDateKeys), which
// judge a target of the year in progress (forecast.Assess).
func JudgedKeys(k SeriesKey, ind Indicator) []SeriesKey {
	k.Period = PeriodYear
	return append([]SeriesKey{k}, YearToDateKeys(k, ind)...)
}

// periodEndMonth is the month each period other than the year to date ends in.
var periodEndMonth = map[string]time.Month{
	PeriodYear: time.December, "h2": time.December, "q2": time.June, "q3": time.September, "q4": time.December,
}

// PeriodEnd is the last day of period p of year y; ok is false for an
// unknown period.
func PeriodEnd(y int, p string) (end Date, ok bool) {
	m, ok := periodEndMonth[p]
	if !ok {
		months, ytd := yearToDateMonths[p]
		if !ytd {
			return Date{}, false
		}
		m = time.Month(months)
	}
	// the day before the first of the next month
	return DateOf(time.Date(y, m+1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)), true
}
