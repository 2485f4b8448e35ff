package ingest

// CheckTogether checks documents read apart, batches (one a document, each
// read by Parse against cat), as the one batch they make, with the check
// Apply runs on a batch merged from several files (checkBatch), and finds
// what none of them has on its own: a row that gives a figure or a target
// that a row of another document gives differently, an indicator that two
// of them declare in different units. It refuses them for it with the
// report and the EINVALID error Apply refuses such a batch with (the same
// problems, in the same words: "dupB.csv row 2 column D (value): houma gdp
// 2025: 118 here but 117 in dupA.csv row 2"), and returns nil and nil when
// they agree.
//
// plancast ingest --server runs it before it sends anything: the server
// takes one document a request and judges each against the store alone, so
// two files that gave one figure differently each passed their dry run, and
// the first was written before the second was refused (or revised it),
// where the same files pushed on the store were refused whole.
//
// A problem a document has on its own (in its Problems) is its own, and the
// server says it; a document whose reading stopped at its problems' limit
// is left out, as the rows after the stop were not read.
func CheckTogether(batches []*Batch, cat Catalog) (*Report, error) {
	merged := &Batch{}
	alone := map[Problem]bool{}
	limit := DefaultMaxProblems
	for _, b := range batches {
		if cutShort(b.Problems) {
			continue
		}
		merged.Merge(b)
		for _, p := range b.Problems {
			alone[p] = true
		}
		limit += len(b.Problems)
	}
	ps := problems{limit: limit}
	checkBatch(merged, cat, &ps)
	var between []Problem
	for _, p := range ps.list {
		if !alone[p] {
			between = append(between, p)
		}
	}
	if len(between) == 0 {
		return nil, nil
	}
	var files []string
	for _, b := range batches {
		files = append(files, b.Files...)
	}
	rep := &Report{Files: files, Problems: []Problem{}}
	return rep.reject(sortProblems(between))
}

// cutShort reports whether ps ends with the note that reading stopped at
// the problems' limit.
func cutShort(ps []Problem) bool {
	return len(ps) > 0 && ps[len(ps)-1].truncation()
}
