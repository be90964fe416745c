import { Module } from '@nestjs/common';
import { readPackageVersion, ServiceKitModule } from '@adal/service-kit';

export const SERVICE_NAME = 'budget-ledger';
export const DEFAULT_PORT = 3004;
export const SERVICE_VERSION = readPackageVersion(new URL('../package.json', import.meta.url));

@Module({
  imports: [ServiceKitModule.forService({ name: SERVICE_NAME, version: SERVICE_VERSION })],
})
export class AppModule {}
