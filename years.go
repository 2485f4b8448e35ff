package plancast

import (
	"strconv"
	"strings"
)

// YearSpanText writes the years from to to joined by dash ("2016–2020",
// in Chinese "2016—2020"), or one year alone when from is to: a gap
// measured over one year is "in 2020", not "in 2020–2020". The
// explanations, the commands and the charts write spans of years with it.
func YearSpanText(from, to int, dash string) string {
	if from == to {
		return strconv.Itoa(from)
	}
	return strconv.Itoa(from) + dash + strconv.Itoa(to)
}

// YearRunsText writes ascending years, runs of consecutive ones as spans
// (YearSpanText) joined by sep: "2019, 2022–2024", in Chinese
// "2019、2022—2024".
func YearRunsText(ys []int, dash, sep string) string {
	var parts []string
	for i := 0; i < len(ys); {
		j := i
		for j+1 < len(ys) && ys[j+1] == ys[j]+1 {
			j++
		}
		parts = append(parts, YearSpanText(ys[i], ys[j], dash))
		i = j + 1
	}
	return strings.Join(parts, sep)
}
