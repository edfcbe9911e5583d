package badgerstore

import "github.com/exosh/exosh/store"

// Trace rows and events are stored in the record codec (record_codec.go): ten million
// rows are seeded in one load and a page of a thousand is read per query, where JSON
// cost more than Badger itself. Values written as JSON by an earlier exosh stay
// readable.
const (
	encodingTraceRow   byte = 4 // UserMeta of a trace row in the record codec
	encodingTraceEvent byte = 5 // UserMeta of a trace event in the record codec
)

// traceRowFields are the stored fields of store.TraceRow; tags are stored: never
// renumber or reuse one. TestTraceCodecsCoverEveryField fails when a field has no entry.
var traceRowFields = []codecField[store.TraceRow]{
	{1, "Organization", func(r *store.TraceRow) any { return &r.Organization }},
	{2, "MessageId", func(r *store.TraceRow) any { return &r.MessageId }},
	{3, "Received", func(r *store.TraceRow) any { return &r.Received }},
	{4, "SenderAddress", func(r *store.TraceRow) any { return &r.SenderAddress }},
	{5, "RecipientAddress", func(r *store.TraceRow) any { return &r.RecipientAddress }},
	{6, "Subject", func(r *store.TraceRow) any { return &r.Subject }},
	{7, "Status", func(r *store.TraceRow) any { return &r.Status }},
	{8, "ToIP", func(r *store.TraceRow) any { return &r.ToIP }},
	{9, "FromIP", func(r *store.TraceRow) any { return &r.FromIP }},
	{10, "Size", func(r *store.TraceRow) any { return &r.Size }},
	{11, "MessageTraceId", func(r *store.TraceRow) any { return &r.MessageTraceId }},
	{12, "Direction", func(r *store.TraceRow) any { return &r.Direction }},
}

// traceEventFields are the stored fields of store.TraceEvent, under the same rules.
var traceEventFields = []codecField[store.TraceEvent]{
	{1, "MessageTraceId", func(r *store.TraceEvent) any { return &r.MessageTraceId }},
	{2, "RecipientAddress", func(r *store.TraceEvent) any { return &r.RecipientAddress }},
	{3, "Date", func(r *store.TraceEvent) any { return &r.Date }},
	{4, "Event", func(r *store.TraceEvent) any { return &r.Event }},
	{5, "Action", func(r *store.TraceEvent) any { return &r.Action }},
	{6, "Detail", func(r *store.TraceEvent) any { return &r.Detail }},
	{7, "Data", func(r *store.TraceEvent) any { return &r.Data }},
	{8, "Received", func(r *store.TraceEvent) any { return &r.Received }},
}

var (
	traceRowCodec   = newCodecTable("trace row", traceRowFields)
	traceEventCodec = newCodecTable("trace event", traceEventFields)
)
