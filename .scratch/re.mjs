import v8 from 'node:v8';
const t0 = process.cpuUsage();
if (process.argv[2]) v8.setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
const re = new RegExp('(a+)+$');
console.log(re.test('a'.repeat(27) + 'b'));
const c = process.cpuUsage(t0); console.log(process.argv[2] ?? 'default', ((c.user + c.system) / 1000).toFixed(0), 'ms');
const t1 = process.cpuUsage(); for (let i = 0; i < 1e6; i++) v8.getHeapStatistics(); const c1 = process.cpuUsage(t1); console.log('getHeapStatistics', ((c1.user + c1.system) / 1e6).toFixed(3), 'µs');
const t2 = process.cpuUsage(); for (let i = 0; i < 1e6; i++) process.memoryUsage.rss(); const c2 = process.cpuUsage(t2); console.log('rss', ((c2.user + c2.system) / 1e6).toFixed(3), 'µs');
