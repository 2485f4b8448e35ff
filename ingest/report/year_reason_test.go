package report

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The reason names where the year was read: a title line when the text has
// one, else only the opening of the text (a paragraph pasted without its
// title: "the title names 2021" said of a text with no title).
func TestTheYearReasonSaysWhereTheYearWasRead(t *testing.T) {
	for _, c := range []struct {
		name, text, want, not string
	}{
		{"a title line", "侯马市2021年政府工作报告\n\n过去一年，全市经济平稳运行。地区生产总值增长8.5%。", "the title names 2021", "opening"},
		{"a pasted paragraph", "过去一年，全市经济平稳运行，2021年地区生产总值增长8.5%，一般公共预算收入增长10%。", "the opening names 2021", "title"},
	} {
		y, reason := inferYear(c.text)
		if y != 2021 || !strings.Contains(reason, c.want) || strings.Contains(reason, c.not) {
			t.Errorf("%s: year %d, reason %q; want 2021 with %q, without %q", c.name, y, reason, c.want, c.not)
		}
	}
	// A title year the evidence overrules is said as the title's only when
	// it is in the title line.
	_, reason := inferYear("过去一年是2019年以来最难的一年。庆祝建党100周年，全年地区生产总值增长8.5%。")
	if !strings.Contains(reason, "the opening says 2019, which the evidence contradicts") {
		t.Errorf("reason %q; want the opening's 2019 said contradicted", reason)
	}
}

// The title is its own lines: the short lines the text opens with, before
// the first that ends a sentence or runs as long as a paragraph. A year the
// body names in the head is the opening's, and under a title that names
// another year it is no second word of the title. This text was read as
// "report year 2024 (the title names 2024; the title says 2023, which the
// evidence contradicts)": a title naming two years, and a contradiction
// where the body merely reviews the year before.
func TestTheTitleIsNotSaidToNameTheBodysYear(t *testing.T) {
	const text = "侯马市2024年政府工作报告\n\n过去的2023年，全市地区生产总值完成150亿元，增长6.5%。一般公共预算收入完成6亿元。\n"
	ex, err := Extract([]byte(text), Options{Region: "houma"})
	if err != nil {
		t.Fatal(err)
	}
	titleYears := regexp.MustCompile(`the title (?:names|says) (\d{4})`)
	for _, m := range titleYears.FindAllStringSubmatch(ex.YearReason, -1) {
		if m[1] != "2024" {
			t.Errorf("reason %q says the title names %s; the title names 2024 alone", ex.YearReason, m[1])
		}
	}
	want := "the title names 2024; the opening also names 2023, as often or more, which does not overrule the title"
	if ex.Year != 2024 || ex.YearReason != want {
		t.Errorf("year %d, reason %q; want 2024, %q", ex.Year, ex.YearReason, want)
	}
	if strings.Contains(ex.YearReason, "contradicts") {
		t.Errorf("reason %q; nothing contradicts 2023, which the body reviews", ex.YearReason)
	}

	// Named less than the year read, the opening's year is said so.
	_, reason := inferYear("侯马市2024年政府工作报告\n\n过去的2023年，全市地区生产总值完成150亿元。2024年地区生产总值增长6%。\n")
	if want := "the title names 2024; the opening also names 2023, with less weight"; reason != want {
		t.Errorf("reason %q, want %q", reason, want)
	}
}

// In the reference reports, the title is the line under the site's
// breadcrumb; Zizhou's notice (000) names 2022 only in its first
// paragraph, not in its title. Houma's report (004) is titled "Report on
// government work" and names 2021 only in the line under it, "——17th
// People's Congress in Houma on April 20, 2021": its date, not its title.
func TestTheReferenceReportsYearReasons(t *testing.T) {
	for file, want := range map[string]string{
		"000_31d79bc64c9d3619.txt": "the opening names 2022",
		"001_95029aba1b07eba0.txt": "the title names 2021",
		"002_d351b0a8b68ec0b4.txt": "the title says 2019, which the evidence contradicts",
		"003_ea07688830cf5b66.txt": "the title names 2022",
		"004_381206a40357bc15.txt": "dated April 20, 2021",
	} {
		text, err := os.ReadFile(filepath.Join("testdata", "reports", file))
		if err != nil {
			t.Fatal(err)
		}
		y, reason := inferYear(string(text))
		if !strings.Contains(reason, want) {
			t.Errorf("%s: reason %q lacks %q", file, reason, want)
		}
		if file == "004_381206a40357bc15.txt" && (y != 2021 || strings.Contains(reason, "title")) {
			t.Errorf("%s: year %d, reason %q; want 2021, read from its date and not said to be its title's", file, y, reason)
		}
	}
}

// A date under the title (the day a communiqué was issued, the year after
// the one it reports) is said as the date, never as a year the title names:
// the communiqué on 2024 dated 2025年3月18日 was said to be read against
// "the title says 2025, which the evidence contradicts", and where its body
// did not name 2024 again, it was read as the communiqué on 2025, its
// figures filed under 2025.
func TestADatelineIsNotTheTitlesYear(t *testing.T) {
	const title = "云河县2024年国民经济和社会发展统计公报\n\n"
	for _, c := range []struct{ name, text, date string }{
		{"the date on a line of its own", title + "云河县统计局\n2025年3月18日\n\n初步核算，2024年全县地区生产总值228.5亿元，比上年增长5.2%。\n", "2025年3月18日"},
		{"the body names no year", title + "云河县统计局\n2025年3月18日\n\n初步核算，全年全县地区生产总值228.5亿元，比上年增长5.2%。\n", "2025年3月18日"},
		{"in brackets, under the title", "云河县2024年国民经济和社会发展统计公报\n（2025年3月18日）\n\n初步核算，全年全县地区生产总值228.5亿元，比上年增长5.2%。\n", "2025年3月18日"},
		{"without its day, beside the bureau", title + "云河县统计局 2025年3月\n\n初步核算，全年全县地区生产总值228.5亿元，比上年增长5.2%。\n", "2025年3月"},
		{"English", "Statistical Communique of Yunhe County on the 2024 National Economic and Social Development\n\nYunhe County Bureau of Statistics\nMarch 18, 2025\n\n" +
			"According to preliminary accounting, the county's GDP was 22.85 billion yuan, up 5.2% over the previous year.\n", "March 18, 2025"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ex, err := Extract([]byte(c.text), Options{Region: "yunhe"})
			if err != nil {
				t.Fatal(err)
			}
			if ex.Year != 2024 {
				t.Errorf("year %d (%s), want 2024", ex.Year, ex.YearReason)
			}
			if want := "the title names 2024; dated " + c.date + ", after the year it is about"; ex.YearReason != want {
				t.Errorf("reason %q, want %q", ex.YearReason, want)
			}
			obs(t, ex, "gdp", 2024, "year")
		})
	}
}

// A title's year is the document's claim of its year, and how often the
// body names another does not overrule it: a work report reviews the year
// before its own and names that year most. "Report on the Work of the
// Government 2024" over a review naming 2023 six times was read as the 2023
// report, its 2024 targets filed under 2023; its title's year, standing
// alone, was not even read as a year. An event that dates the text (an
// anniversary, the 2009 influenza) still overrules the title.
func TestATitlesYearIsNotOutcountedByTheYearReviewed(t *testing.T) {
	review := strings.Repeat("In 2023, the county's economy grew steadily. ", 6)
	for _, c := range []struct {
		name, text string
		want       int
		reason     string
	}{
		{"English, the year alone at the title's end", "Report on the Work of the Government 2024\n\n" + review + "\nThe main targets are: GDP growth of about 6%.", 2024,
			"the title names 2024; the opening also names 2023, as often or more, which does not overrule the title"},
		{"English, the year alone at the title's start", "2024 Government Work Report of Houma\n\n" + review, 2024, "the title names 2024"},
		{"Chinese", "侯马市2024年政府工作报告\n\n" + strings.Repeat("2023年，全市经济稳中向好。", 10) + "2024年主要预期目标：地区生产总值增长6%。", 2024, "the title names 2024"},
		{"an anniversary overrules the title", "Summary of work 2019\n\n" + review + "We celebrated the 60th anniversary of the founding of the People's Republic.", 2009,
			"the 60th anniversary of the People's Republic (founded 1949) falls in 2009"},
		{"no title: the year named most", "In 2023, the county grew. " + review, 2023, "the opening names 2023"},
	} {
		y, reason := inferYear(c.text)
		if y != c.want || !strings.Contains(reason, c.reason) {
			t.Errorf("%s: year %d (%s); want %d with %q", c.name, y, reason, c.want, c.reason)
		}
	}

	// A bare number in a title followed by a unit is an amount, not a year.
	if y, reason := inferYear("2000 yuan for every household\n\nIn 2023, the county grew. In 2023, it built roads."); y != 2023 {
		t.Errorf("year %d (%s); want 2023: the title's 2000 is an amount", y, reason)
	}
}

// A work report's first section reviews the year before its own: "一、2021
// 年工作回顾" under "侯马市2022年政府工作报告" opens the body, it is no second
// line of the title, and the year it names is the year reviewed, no claim
// of the report's year that the evidence contradicts. The reason said
// "the title names 2022; the title says 2021, which the evidence
// contradicts", and of an untitled opening dated 2026年1月20日 "the opening
// says 2025, which the evidence contradicts"; with the review straight
// under the salutation, that report was read as 2025's, its heading taken
// for its title.
func TestAWorkReportsReviewedYearIsSaidAsTheYearReviewed(t *testing.T) {
	const opening = "政府工作报告\n——2026年1月20日在晋中市第五届人民代表大会第五次会议上\n晋中市人民政府市长\n\n各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n\n"
	for _, c := range []struct {
		name, text string
		year       int
		reason     string
	}{
		{"a titled report", "侯马市2022年政府工作报告\n\n一、2021年工作回顾\n过去一年，全市地区生产总值达到131.2亿元，同比增长8.1%。\n\n二、2022年主要预期目标\n地区生产总值增长8%左右。\n",
			2022, "the title names 2022; the opening also names 2021, the year reviewed"},
		{"an untitled year, dated", opening + "一、2025年工作回顾\n过去一年，全市地区生产总值达到2043.6亿元，同比增长5.4%。\n\n二、2026年主要预期目标\n地区生产总值增长5.5%左右。\n",
			2026, "the opening names 2026; dated 2026年1月20日; the opening also names 2025, the year reviewed"},
		{"an untitled year, dated, the review alone", opening + "一、2025年工作回顾\n过去一年，全市地区生产总值达到2043.6亿元，同比增长5.4%。\n",
			2026, "dated 2026年1月20日; the opening also names 2025, the year reviewed"},
		{"the review straight under the salutation", "政府工作报告\n——2026年1月20日在侯马市第十七届人民代表大会第五次会议上\n\n各位代表：\n\n一、2025年工作回顾\n过去一年，全市地区生产总值达到151.2亿元，同比增长5.1%。\n",
			2026, "dated 2026年1月20日; the opening also names 2025, the year reviewed"},
		{"English", "Report on the Work of the Government 2022\n\nI. Review of Our Work in 2021\nIn the past year, the city's GDP grew 8.1%.\n\nII. Targets for 2022\nGDP growth of about 8%.\n",
			2022, "the title names 2022; the opening also names 2021, the year reviewed"},
	} {
		ex, err := Extract([]byte(c.text), Options{Region: "houma"})
		if err != nil {
			t.Fatal(err)
		}
		if ex.Year != c.year || ex.YearReason != c.reason {
			t.Errorf("%s: year %d, reason %q; want %d, %q", c.name, ex.Year, ex.YearReason, c.year, c.reason)
		}
	}

	// A year the opening of an untitled text names, outweighed by the
	// date and by nothing that dates the text, is said with its weight,
	// not said to be contradicted.
	y, reason := inferYear("政府工作报告\n——2026年1月20日在晋中市第五届人民代表大会第五次会议上\n\n各位代表：\n\n2025年，全市经济平稳运行，地区生产总值增长5.4%。\n")
	if want := "dated 2026年1月20日; the opening also names 2025, with less weight"; y != 2026 || reason != want {
		t.Errorf("year %d, reason %q; want 2026, %q", y, reason, want)
	}
}
