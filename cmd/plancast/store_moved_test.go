package main

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// httpDo sends a request to a test server and returns the status and body.
func httpDo(t *testing.T, method, url, token, contentType, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// Once the store's file was removed or replaced under a running server,
// a push is refused (503 "unavailable", saying so) instead of being
// acknowledged into the file the server still has open, which no later
// start finds: following /healthz's advice (download a copy, stop the
// server, put the copy in place) then loses nothing that was acknowledged.
// Reads, the copy's download among them, go on.
func TestAPushIsRefusedOnceTheStoreFileWasRemovedOrReplaced(t *testing.T) {
	for _, how := range []string{"removed", "replaced"} {
		t.Run(how, func(t *testing.T) {
			dir := t.TempDir()
			addr := freeAddr(t)
			server := serveEmbedded(t, dir, addr)
			base := "http://" + addr
			admin, err := os.ReadFile(filepath.Join(dir, "initial-admin-token"))
			if err != nil {
				t.Fatal(err)
			}
			token := strings.TrimSpace(string(admin))
			push := func(year string) (int, string) {
				return httpDo(t, "POST", base+"/api/v1/observations", token, "text/csv",
					"region,indicator,year,value,published\nhouma,retail_sales,"+year+",61,2022-03-01\n")
			}
			if code, body := push("2021"); code != 200 {
				t.Fatalf("push into the sound store: %d %s", code, body)
			}

			path := filepath.Join(dir, "plancast.db")
			switch how {
			case "removed":
				if err := os.Remove(path); err != nil {
					t.Fatal(err)
				}
			case "replaced":
				b, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path+".new", b, 0o600); err != nil {
					t.Fatal(err)
				}
				if err := os.Rename(path+".new", path); err != nil {
					t.Fatal(err)
				}
			}

			code, body := push("2019")
			var answer struct {
				Error struct{ Code, Message string }
			}
			_ = json.Unmarshal([]byte(body), &answer)
			if code != http.StatusServiceUnavailable || answer.Error.Code != "unavailable" || !strings.Contains(answer.Error.Message, "was "+how) || !strings.Contains(answer.Error.Message, "takes no writes") {
				t.Fatalf("push after the store file was %s: %d %s\nwant 503 unavailable saying the file was %s", how, code, body, how)
			}
			if code, body := httpDo(t, "GET", base+"/api/v1/regions", "", "", ""); code != 200 {
				t.Errorf("a read after the store file was %s: %d %s; want 200 (the open file is whole)", how, code, body)
			}
			code, copyBody := httpDo(t, "GET", base+"/api/v1/backup", token, "", "")
			if code != 200 {
				t.Fatalf("backup after the store file was %s: %d %s", how, code, copyBody)
			}
			server.kill()

			// The advice followed: the copy put in place holds every
			// acknowledged figure, and nothing was acknowledged since.
			cp := filepath.Join(t.TempDir(), "copy.db")
			if err := os.WriteFile(cp, []byte(copyBody), 0o600); err != nil {
				t.Fatal(err)
			}
			if out, err := runPlancast(t, "restore", "--data-dir", dir, "--from", cp); err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			out, err := runPlancast(t, "history", "--data-dir", dir, "--region", "houma", "--indicator", "retail_sales")
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(out, "2021") {
				t.Errorf("the restored copy lacks the figure acknowledged before the file was %s:\n%s", how, out)
			}
		})
	}
}
