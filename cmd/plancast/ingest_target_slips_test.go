package main

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
	"github.com/plancast/plancast/store/bolt"
)

// A targets table with a level in 万元 under a 亿元 header and a growth of
// 65 for 6.5% a year is refused at both rows, on the store and through a
// server, naming the slip and the override; --accept-jumps takes them.
// Before, its dry run passed.
func TestATargetsTableWithSlipsIsRefusedUnlessJumpsAreAccepted(t *testing.T) {
	file := writeFile(t, "targets.csv", "region,indicator,plan,kind,base_year,year,value,binding,published\n"+
		"houma,gdp,15th-fyp,level,,2030,3200000,false,2026-01-15\n"+
		"houma,gdp,14th-fyp,avg_growth,,2025,65,false,2021-02-05\n")
	level := "targets.csv row 2 column G (value): target houma gdp 15th-fyp level 2030: 3200000 is 26490.1 times the latest figure, 120.8 in 2020 (stored); " +
		"growing 30% a year from it, the series would reach 1665 by 2030, and a target more than 10 times that is likely a slip of units (×10000): is it in 万元, not 亿元? 3200000 万元 is 320 亿元."
	growth := "targets.csv row 3 column G (value): target houma gdp 14th-fyp avg_growth 2025: 65% a year on average is above 30%, past what a plan is taken to ask (30% a year up or down); is it 6.5% typed as 65 (a percent typed ×10)?"
	dir := seededDir(t)

	code, stdout, _ := run(t, "ingest", "--data-dir", dir, "--dry-run", file)
	if code != 1 || !strings.Contains(stdout, level) || !strings.Contains(stdout, growth) || !strings.Contains(stdout, "--accept-jumps") {
		t.Errorf("on the store: exit %d, stdout\n%s\nwant both rows refused:\n%s\n%s", code, stdout, level, growth)
	}
	if code, stdout, _ := run(t, "ingest", "--data-dir", dir, "--dry-run", "--accept-jumps", file); code != 0 || !strings.Contains(stdout, "targets: 2 new") {
		t.Errorf("on the store, accepting jumps: exit %d, stdout\n%s", code, stdout)
	}

	st, err := bolt.Open(filepath.Join(dir, bolt.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	admin, hash := plancast.NewTokenSecret()
	if err := st.PutToken(context.Background(), plancast.Token{Hash: hash, Scope: plancast.ScopeWrite, Admin: true, Created: time.Now()}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(api.New(api.Config{Store: st}).Handler())
	defer srv.Close()
	code, stdout, _ = run(t, "ingest", "--server", srv.URL, "--token", admin, "--dry-run", file)
	if code != 1 || !strings.Contains(stdout, level) || !strings.Contains(stdout, growth) {
		t.Errorf("through the server: exit %d, stdout\n%s", code, stdout)
	}
	if code, stdout, _ := run(t, "ingest", "--server", srv.URL, "--token", admin, "--dry-run", "--accept-jumps", file); code != 0 || !strings.Contains(stdout, "targets: 2 new") {
		t.Errorf("through the server, accepting jumps: exit %d, stdout\n%s", code, stdout)
	}
}
