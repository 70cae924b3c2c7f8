import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

// The billing service has no HTTP surface of its own here: an application context runs its use cases.
async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(AppModule);
  app.enableShutdownHooks();
}

void bootstrap();
