package ingest

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Bounds on what a spreadsheet may unpack to: a pushed file is untrusted, and
// a small zip can inflate to gigabytes.
const (
	xlsxUnzipLimit = 512 << 20
	xlsxMergeCells = 1_000_000 // cells filled from merged ranges
	xlsxMaxColumns = 16_384    // Excel's own limit
)

// readXLSX reads one sheet of a workbook (Options.Sheet, else the first) as a
// table. Merged cells are filled with the merged value in every cell they
// cover, so that a header "年份" merged across the year columns, or "指标"
// merged down two header rows, reads as if written in each cell. Values are
// read raw (unformatted): 1234.5 rather than "1,234.50".
func (p *parser) readXLSX(br *bufio.Reader) (err error) {
	// excelize is a large parser of untrusted input; a panic in it on a
	// malformed file is a problem with that file, not a reason to crash.
	defer func() {
		if r := recover(); r != nil {
			p.ps.add(Problem{File: p.file, Sheet: p.sheet, Message: fmt.Sprintf("unreadable spreadsheet: %v", r)})
			err = nil
		}
	}()
	f, err := excelize.OpenReader(br, excelize.Options{RawCellValue: true, UnzipSizeLimit: xlsxUnzipLimit})
	if err != nil {
		p.ps.add(Problem{File: p.file, Message: fmt.Sprintf("not a readable .xlsx workbook: %v", err)})
		return nil
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		p.ps.add(Problem{File: p.file, Message: "the workbook has no sheets"})
		return nil
	}
	p.sheet = sheets[0]
	if p.opt.Sheet != "" {
		found := false
		for _, s := range sheets {
			if s == p.opt.Sheet || strings.EqualFold(strings.TrimSpace(s), strings.TrimSpace(p.opt.Sheet)) {
				p.sheet, found = s, true
				break
			}
		}
		if !found {
			p.ps.add(Problem{File: p.file, Message: fmt.Sprintf("no sheet %q: the workbook has %s", p.opt.Sheet, strings.Join(sheets, ", "))})
			return nil
		}
	}
	merged, err := mergedValues(f, p.sheet)
	if err != nil {
		p.ps.add(Problem{File: p.file, Sheet: p.sheet, Message: fmt.Sprintf("unreadable merged cells: %v", err)})
		return nil
	}
	rows, err := f.Rows(p.sheet)
	if err != nil {
		p.ps.add(Problem{File: p.file, Sheet: p.sheet, Message: fmt.Sprintf("unreadable sheet: %v", err)})
		return nil
	}
	defer rows.Close()
	defer p.done()
	num := 0
	return p.readTable(func() (tableRow, error) {
		if !rows.Next() {
			if err := rows.Error(); err != nil {
				p.ps.add(Problem{File: p.file, Sheet: p.sheet, Row: num + 1, Message: fmt.Sprintf("unreadable row: %v", err)})
			}
			return tableRow{}, io.EOF
		}
		num++
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			p.ps.add(Problem{File: p.file, Sheet: p.sheet, Row: num, Message: fmt.Sprintf("unreadable row: %v", err)})
			return tableRow{num: num}, nil
		}
		if len(cells) > xlsxMaxColumns {
			cells = cells[:xlsxMaxColumns]
		}
		if m := merged[num]; m != nil {
			for col, v := range m {
				for len(cells) <= col {
					cells = append(cells, "")
				}
				if strings.TrimSpace(cells[col]) == "" {
					cells[col] = v
				}
			}
		}
		return tableRow{num: num, cells: cells}, nil
	})
}

// mergedValues maps row → column → value for every cell a merged range
// covers, so rows can be filled as they stream past.
func mergedValues(f *excelize.File, sheet string) (map[int]map[int]string, error) {
	ranges, err := f.GetMergeCells(sheet)
	if err != nil {
		return nil, err
	}
	out := map[int]map[int]string{}
	budget := xlsxMergeCells
	for _, m := range ranges {
		c1, r1, err := excelize.CellNameToCoordinates(m.GetStartAxis())
		if err != nil {
			continue
		}
		c2, r2, err := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err != nil {
			continue
		}
		if c2 > xlsxMaxColumns {
			c2 = xlsxMaxColumns
		}
		if n := (r2 - r1 + 1) * (c2 - c1 + 1); n > budget || n <= 0 {
			continue // a range this large is formatting, not a header
		} else {
			budget -= n
		}
		v := m.GetCellValue()
		for r := r1; r <= r2; r++ {
			if out[r] == nil {
				out[r] = map[int]string{}
			}
			for c := c1; c <= c2; c++ {
				out[r][c-1] = v
			}
		}
	}
	return out, nil
}
