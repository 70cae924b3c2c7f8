import { DomainError } from '../../shared/domain-error';

const SHAPE = /^[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/;
const MAX_LENGTH = 254;
/** Throwaway and reserved domains: nobody reads mail sent there, so a ticket sent there is lost. */
const REFUSED_DOMAINS: readonly string[] = ['mailinator.com', 'trashmail.com', 'example.com', 'example.org', 'example.net'];

/** An address the tickets are sent to. */
export class Email {
  private constructor(readonly value: string) {}

  /** Kept lower-cased: mail servers treat addresses case-insensitively, and so do lookups by address. */
  static of(value: string): Email {
    const address = value.trim().toLowerCase();
    if (address.length > MAX_LENGTH || !SHAPE.test(address)) throw new DomainError(`Not an e-mail address: '${value}'`);
    const domain = address.slice(address.lastIndexOf('@') + 1);
    if (REFUSED_DOMAINS.includes(domain)) throw new DomainError(`Tickets cannot be sent to ${domain}`);
    return new Email(address);
  }

  get domain(): string {
    return this.value.slice(this.value.lastIndexOf('@') + 1);
  }

  equals(other: Email): boolean {
    return this.value === other.value;
  }
}
