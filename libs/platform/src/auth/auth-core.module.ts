import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { ActorLoader } from './actor.loader';
import { RolesGuard } from './roles.guard';
import { TokenService } from './token.service';

@Global()
@Module({
  imports: [JwtModule.register({})],
  providers: [TokenService, ActorLoader, RolesGuard],
  exports: [TokenService, ActorLoader, RolesGuard],
})
export class AuthCoreModule {}
