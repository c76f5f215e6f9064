import { moderateText } from '../moderation/pipeline.js';

/**
 * A benchmark-only worker: runs the text pipeline inside workerd and times it there, so the
 * numbers are the worker's CPU, not HTTP. Timers in workerd tick in whole milliseconds, so each
 * sample runs one text `repeat` times and reports the mean.
 *
 * A loop that runs one text again and again finds every cache warm; in a real request the
 * runtime's own work runs between two pipelines, and the pipeline costs more there. So two more
 * routes, driven at a steady rate while the bench reads the thread's CPU counters: `/request`
 * runs the pipeline once on the body's text, as the pre-check does, and `/control` reads and
 * parses the same body but skips the pipeline. The difference per request is what the pipeline
 * costs inside a request.
 */
interface Job { texts: string[]; repeat: number; locale?: string }

async function loop(req: Request): Promise<Response> {
  const job = (await req.json()) as Job;
  const perText: number[] = [];
  let sink = 0;
  for (const text of job.texts) {
    const t0 = performance.now();
    for (let i = 0; i < job.repeat; i++) sink += moderateText({ text, kind: 'review', locale: job.locale }).findings.length;
    perText.push((performance.now() - t0) / job.repeat);
  }
  return Response.json({ perText, sink });
}

export default {
  async fetch(req: Request): Promise<Response> {
    const path = new URL(req.url).pathname;
    if (path === '/request' || path === '/control') {
      const { text } = (await req.json()) as { text: string };
      const findings = path === '/request' ? moderateText({ text, kind: 'review' }).findings.length : 0;
      return Response.json({ findings });
    }
    return loop(req);
  },
};
