package main

import (
	"strings"
	"testing"
)

// plancast ingest reads a plan's targets table that names no plan and no
// kind (指标, 2020年, 2025年, 年均增长, 属性) as targets, on the store and
// through a server alike: the server's figures route refuses such a table
// unless the push says it takes it as targets, which the command does. It
// was stored as figures of 2025 either way.
func TestIngestReadsAPlansTargetsTableAsTargetsThroughAServerToo(t *testing.T) {
	table := writeFile(t, "fyp.csv", "类别,指标,单位,2020年,2025年,年均增长（%）,属性\n"+
		"经济发展,一般公共预算收入,亿元,5.29,7.5,7.2,预期性\n"+
		"经济发展,城镇居民人均可支配收入,元,33029,46000,6.9,约束性\n")
	url, admin := serverWithAdmin(t, nil)
	for _, args := range [][]string{
		{"ingest", "--data-dir", seededDir(t), "--region", "houma", "--published", "2021-04-20", table},
		{"ingest", "--server", url, "--token", admin, "--region", "houma", "--published", "2021-04-20", table},
	} {
		out := mustRun(t, args...)
		for _, want := range []string{
			"fyp.csv: 0 new, 0 revised, 0 unchanged, 0 rejected\ntargets: 4 new, 0 revised, 0 unchanged\n",
			"note: fyp.csv: read as a plan's targets table (no plan or kind column): plan 14th-fyp, targets for 2025 from column E (\"2025年\")",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: output\n%s\nwant %q", args[1], out, want)
			}
		}
	}
}
