import { bootstrapService } from '@adal/service-kit';
import { AppModule, DEFAULT_PORT, SERVICE_NAME } from './app.module.js';

await bootstrapService({ name: SERVICE_NAME, module: AppModule, port: DEFAULT_PORT });
