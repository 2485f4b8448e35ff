package ingest

import (
	"context"
	"strings"
	"testing"
)

// A figure refused as a slip of units is said as its cell gave it, in its
// unit, with the value it converts to beside it, in a table and in JSON:
// the message quoted the converted value alone ("203000000 is 10572.9
// times"), a number the file does not hold. (The number, not the cell's
// text: "20,300" is said as 20300; typed.go says why.) A figure of 1e15 or more, and a ratio,
// are written in e-notation (plancast.FormatNumber): 1e308 was written with
// its 309 digits, and its ratio to the year before with 306.
func TestASlipIsSaidAsItsCellGaveIt(t *testing.T) {
	st := openStore(t)
	apply(t, st, parseString(t, "stored.csv", jumpHeader+
		"houma,rural_disposable_income,2024,19200,元\nhouma,retail_sales,2021,80.5,亿元\n", Options{}), false)
	ctx := context.Background()
	for _, c := range []struct{ file, content, want string }{
		{"l.csv", jumpHeader + "houma,rural_disposable_income,2025,\"20,300\",万元\n",
			`l.csv row 2 column D (value): houma rural_disposable_income 2025: 20300 万元 (203000000 元) is 10572.9 times the 2024 figure 19200 (stored); a figure in another unit?`},
		{"l.json", `[{"region":"houma","indicator":"rural_disposable_income","year":2025,"value":20300,"unit":"万元"}]`,
			`l.json line 1 (value): houma rural_disposable_income 2025: 20300 万元 (203000000 元) is 10572.9 times the 2024 figure 19200 (stored); a figure in another unit?`},
		{"w.csv", "地区,指标,2024,2025\n侯马市,农村居民人均可支配收入（万元）,1.92,20300\n",
			`w.csv row 2 column D (value): houma rural_disposable_income 2025: 20300 万元 (203000000 元) is 10572.9 times the 2024 figure 19200 (row 2); a figure in another unit?`},
		{"z.csv", jumpHeader + "houma,retail_sales,2022,1e308,亿元\n",
			`z.csv row 2 column D (value): houma retail_sales 2022: 1e+308 is 1.242e+306 times the 2021 figure 80.5 (stored); a figure in another unit?`},
	} {
		b := parseString(t, c.file, c.content, Options{})
		noProblems(t, b)
		rep, err := Apply(ctx, st, b, ApplyOptions{DryRun: true})
		if err == nil || len(rep.Problems) != 1 || !strings.HasPrefix(rep.Problems[0].Error(), c.want) {
			t.Errorf("%s: problems %q\nwant one beginning\n %q", c.file, problemTexts(rep.Problems), c.want)
		}
	}
}
