package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// Every download of figures or targets goes back in unchanged, whatever the
// unit of its indicator: the readers take each unit's code, its English
// label and its Chinese label as the downloads write them, for every unit
// of the catalog, those plancast names (plancast.UnitLabels) and those a
// bureau declares with its indicator alike. Before, an indicator declared
// in tce_per_10k_yuan came down in a targets table as "tce per 10k yuan"
// (the label the downloads make of a code they have no name for), and
// that table pushed back was refused: unit "tce per 10k yuan" is not a
// known unit.
func TestEveryDownloadGoesBackInWhateverItsUnit(t *testing.T) {
	url, admin := serverWithAdmin(t, nil)

	// An indicator of each unit plancast names, and of units a bureau
	// declares: one with words, one starting with a digit.
	units := []string{"tce_per_10k_yuan", "10k_boxes"}
	for u := range plancast.UnitLabels {
		units = append(units, u)
	}
	slices.Sort(units)
	var indicators []plancast.Indicator
	var obs []map[string]any
	var targets []map[string]any
	for _, u := range units {
		ind := plancast.Indicator{Code: "in_" + u, Name: "In " + u, NameZh: "单位" + u, Unit: u, Kind: plancast.KindLevel, Better: plancast.BetterHigher}
		kind, values, target := plancast.TargetLevel, []float64{10, 11, 12.5}, 13.0
		if u == plancast.UnitPercent {
			ind.Kind, ind.Better = plancast.KindRate, plancast.BetterLower
			kind, values, target = plancast.TargetCeiling, []float64{4.1, 4.2, 4.3}, 4.5
		}
		indicators = append(indicators, ind)
		for i, v := range values {
			obs = append(obs, map[string]any{"region": "houma", "indicator": ind.Code, "year": 2019 + i, "value": v, "published": "2022-03-01"})
		}
		targets = append(targets, map[string]any{"region": "houma", "indicator": ind.Code, "plan": "14th-fyp", "kind": kind, "year": 2025, "value": target, "published": "2021-04-20"})
	}
	bundle, err := json.Marshal(map[string]any{"indicators": indicators, "observations": obs, "targets": targets})
	if err != nil {
		t.Fatal(err)
	}
	mustRun(t, "ingest", "--server", url, "--token", admin, writeFile(t, "bundle.json", string(bundle)))

	folder := t.TempDir()
	for _, ind := range indicators {
		for _, lang := range []string{"en", "zh"} {
			for _, format := range []string{"csv", "xlsx"} {
				for _, d := range []struct{ what, path, want string }{
					{"series", "/api/v1/series/houma/" + ind.Code, ": 0 new, 0 revised, 3 unchanged, 0 rejected\n"},
					{"targets", "/api/v1/targets?region=houma&indicator=" + ind.Code, "\ntargets: 0 new, 0 revised, 1 unchanged\n"},
				} {
					sep := "?"
					if strings.Contains(d.path, "?") {
						sep = "&"
					}
					body := download(t, url+d.path+sep+"format="+format+"&lang="+lang)
					name := filepath.Join(folder, fmt.Sprintf("%s_%s_%s.%s", d.what, ind.Code, lang, format))
					if err := os.WriteFile(name, body, 0o644); err != nil {
						t.Fatal(err)
					}
					code, stdout, stderr := run(t, "ingest", "--server", url, "--token", admin, "--dry-run", name)
					if code != 0 || !strings.Contains(stdout, d.want) {
						t.Errorf("%s of %s (unit %s) in %s, %s, pushed back: exit %d\n%s%s\nwant it unchanged (%q)",
							d.what, ind.Code, ind.Unit, format, lang, code, stdout, stderr, strings.TrimSpace(d.want))
					}
				}
			}
		}
	}
}

// download is the body of a GET that must answer 200.
func download(t *testing.T, url string) []byte {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	if _, err := io.Copy(&b, resp.Body); err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s %s", url, resp.Status, b.String())
	}
	return b.Bytes()
}
