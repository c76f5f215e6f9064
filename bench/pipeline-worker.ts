import { moderateText } from '../moderation/pipeline.js';

/**
 * A benchmark-only worker: runs the text pipeline inside workerd and times it there, so the
 * numbers are the worker's CPU, not HTTP. Timers in workerd tick in whole milliseconds, so each
 * sample runs one text `repeat` times and reports the mean.
 */
interface Job { texts: string[]; repeat: number; locale?: string }

export default {
  async fetch(req: Request): Promise<Response> {
    const job = (await req.json()) as Job;
    const perText: number[] = [];
    let sink = 0;
    for (const text of job.texts) {
      const t0 = performance.now();
      for (let i = 0; i < job.repeat; i++) sink += moderateText({ text, kind: 'review', locale: job.locale }).findings.length;
      perText.push((performance.now() - t0) / job.repeat);
    }
    return Response.json({ perText, sink });
  },
};
