// Prints one line and exits: what every Native AOT process pays before doing any work.
Console.WriteLine("hello, world");
