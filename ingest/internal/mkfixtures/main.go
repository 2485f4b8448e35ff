// Command mkfixtures writes the spreadsheet fixtures of the ingest tests.
// The CSV and JSON fixtures are plain text kept by hand; spreadsheets are
// binary, so they are generated here and the generated files are committed.
//
// Run from the repository root after changing this file:
//
//	go run ./ingest/internal/mkfixtures
//
// It writes ingest/testdata/long.xlsx, yearbook.xlsx and targets.xlsx.
package main

import (
	"flag"
	"fmt"
	"log"
	"path/filepath"

	"github.com/xuri/excelize/v2"
)

func main() {
	out := flag.String("out", filepath.Join("ingest", "testdata"), "directory to write the fixtures to")
	flag.Parse()
	for name, build := range map[string]func(*excelize.File) error{
		"long.xlsx":     longWorkbook,
		"yearbook.xlsx": yearbookWorkbook,
		"targets.xlsx":  targetsWorkbook,
	} {
		f := excelize.NewFile()
		if err := build(f); err != nil {
			log.Fatalf("build %s: %v", name, err)
		}
		path := filepath.Join(*out, name)
		if err := f.SaveAs(path); err != nil {
			log.Fatalf("write %s: %v", path, err)
		}
		fmt.Println("wrote", path)
	}
}

// rows writes rows of values from cell A{first} down.
func rows(f *excelize.File, sheet string, first int, data [][]any) error {
	for i, r := range data {
		if err := f.SetSheetRow(sheet, fmt.Sprintf("A%d", first+i), &r); err != nil {
			return err
		}
	}
	return nil
}

// longWorkbook has two long-layout sheets: "figures" (first: one figure per
// row, English headers, numeric cells, a rate in a percent-formatted cell) and "按指标" (one column per indicator,
// the unit in each header, Chinese headers).
func longWorkbook(f *excelize.File) error {
	if err := f.SetSheetName("Sheet1", "figures"); err != nil {
		return err
	}
	if err := rows(f, "figures", 1, [][]any{
		{"Region", "Indicator", "Year", "Value", "Unit", "Status"},
		{"zizhou", "gdp", 2019, 79.6, "亿元", "final"},
		{"zizhou", "gdp", 2020, 82.3, "亿元", "final"},
		{"zizhou", "rural_disposable_income", 2020, 1.2504, "万元", "final"},
		{"guyang", "fixed_asset_investment", 2020, 2150, "million yuan", "preliminary"},
		{"houma", "unemployment_rate", 2020, 0.029, "%", "final"}, // shown as 2.90%
	}); err != nil {
		return err
	}
	percent, err := f.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	if err != nil {
		return err
	}
	if err := f.SetCellStyle("figures", "D6", "D6", percent); err != nil {
		return err
	}
	if _, err := f.NewSheet("按指标"); err != nil {
		return err
	}
	return rows(f, "按指标", 1, [][]any{
		{"地区", "年份", "地区生产总值（亿元）", "一般公共预算收入（万元）", "农村居民人均可支配收入（元）"},
		{"子洲县", 2019, 79.6, 50200, 11400},
		{"子洲县", 2020, 82.3, 52000, "—"},
		{"固阳县", "2020年", 77.0, 61000, 15820},
	})
}

// yearbookWorkbook is a table laid out as statistical yearbooks print it, on
// the second sheet "表1" (the first, "说明", holds only a note): a title row
// merged across the table, a unit line, a two-line header ("地区", "指标" and
// "单位" merged down two rows, "年份" merged across the year columns with the
// years in the second line, some as text "2016年", some as numbers), region
// cells merged down their indicator rows, indicator names padded with spaces,
// a dash for a missing figure, and note rows under the table.
func yearbookWorkbook(f *excelize.File) error {
	if err := f.SetSheetName("Sheet1", "说明"); err != nil {
		return err
	}
	if err := f.SetCellValue("说明", "A1", "本表数据来源于各县（市）统计公报，2020年为初步核算数。"); err != nil {
		return err
	}
	const s = "表1"
	if _, err := f.NewSheet(s); err != nil {
		return err
	}
	if err := rows(f, s, 1, [][]any{
		{"表1  各县（市）主要经济指标（2016—2020年）"},
		{nil, nil, nil, nil, nil, nil, nil, "（单位见各行）"},
		{"地区", "指标", "单位", "年份"},
		{nil, nil, nil, "2016年", "2017年", 2018, 2019, "2020年"},
		{"侯马市", "地区生产总值", "亿元", 95.1, 101.2, 108.0, 116.0, 120.8},
		{nil, "一般公共预算收入", "万元", 41000, 43500, 46000, 50100, 52900},
		{nil, "城镇居民人均可支配收入", "元", 26010, 27600, 29400, 31300, 33029},
		{"子洲县", "地 区 生 产 总 值", "亿元", 58.2, 66.0, 72.5, 79.6, 82.3},
		{nil, "规模以上工业增加值", "亿元", 30.1, "—", 36.8, 40.2, 41.0},
		{"注：2020年为初步核算数；“—”表示无数据。"},
		{"资料来源：各县（市）统计公报。"},
	}); err != nil {
		return err
	}
	for _, m := range [][2]string{
		{"A1", "H1"},   // title
		{"A3", "A4"},   // 地区
		{"B3", "B4"},   // 指标
		{"C3", "C4"},   // 单位
		{"D3", "H3"},   // 年份
		{"A5", "A7"},   // 侯马市
		{"A8", "A9"},   // 子洲县
		{"A10", "H10"}, // note
		{"A11", "H11"}, // source note
	} {
		if err := f.MergeCell(s, m[0], m[1]); err != nil {
			return err
		}
	}
	return nil
}

// targetsWorkbook holds plan targets with Chinese headers and Chinese plan,
// kind and binding names.
func targetsWorkbook(f *excelize.File) error {
	const s = "目标"
	if err := f.SetSheetName("Sheet1", s); err != nil {
		return err
	}
	return rows(f, s, 1, [][]any{
		{"地区", "指标", "规划", "目标类型", "年份", "目标值", "基期", "指标属性", "单位", "资料来源"},
		{"侯马市", "一般公共预算收入", "2021年", "增长", 2021, 5, nil, "预期性", "%", "侯马市2021年政府工作报告"},
		{"子洲县", "固定资产投资", "2022-annual", "growth", 2022, 10, nil, "预期性", "%", "子洲县2022年重点工作"},
		{"固阳县", "地区生产总值", "十四五", "level", 2025, 2500000, 2020, "否", "万元", ""},
		{"侯马市", "城镇登记失业率", "2021年", "以内", 2021, 4.5, nil, "约束性", "%", "侯马市2021年政府工作报告"},
	})
}
